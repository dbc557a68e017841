package org.reprolab.papers.proact;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import ai.djl.util.Preconditions;
import java.util.ArrayList;
import java.util.List;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Interrupts;
import org.reprolab.engine.NdConstants;
import org.reprolab.train.TrainingLoop;

/**
 * Threshold training for clipped ReLUs on a trained network whose weights stay frozen.
 *
 * <ol>
 *   <li>{@link #calibrate}: every threshold starts at the largest activation its unit (or layer) reaches on the
 *       training data, so the clipped network first computes exactly what the unclipped one did.</li>
 *   <li>The loss (Eq. 2, numbering ours) distils the unclipped network (the teacher, logits \(z^t\)) into the
 *       clipped one (\(z\)) at temperature τ and pushes the thresholds down:
 *       \(L = τ^2\,\mathrm{KL}(\mathrm{softmax}(z^t/τ)\,\|\,\mathrm{softmax}(z/τ)) + λ \sum_l \overline{T_l^2}\),
 *       with \(\overline{T_l^2}\) the mean square of layer l's thresholds (one value or one per unit).</li>
 *   <li>{@link #trainProgressive} (ProAct): one layer at a time, from the first hidden layer to the last, only that
 *       layer's thresholds trained, then frozen; {@link #trainJoint}: all thresholds at once (the baseline).</li>
 * </ol>
 *
 * <pre>{@code
 * ProAct proact = ProAct.builder().setTeacher(reluNet).setEpochsPerLayer(1).build();
 * proact.calibrate(hybrid, train, manager);
 * proact.trainProgressive(hybrid, train, manager);
 * }</pre>
 */
public final class ProAct {

    /** Default distillation temperature τ (ours: the paper's is not known to us). */
    public static final float TEMPERATURE = 2f;
    /** Default threshold penalty λ (ours). */
    public static final float PENALTY = 1e-3f;
    /** Default Adam learning rate of the thresholds (ours). */
    public static final float LEARNING_RATE = 0.1f;

    private final SequentialBlock teacher;
    private final int epochsPerLayer;
    private final float learningRate;
    private final float penalty;
    private final float temperature;
    private final int batchSize;
    private final long shuffleSeed;

    private ProAct(Builder b) {
        this.teacher = b.teacher;
        this.epochsPerLayer = b.epochsPerLayer;
        this.learningRate = b.learningRate;
        this.penalty = b.penalty;
        this.temperature = b.temperature;
        this.batchSize = b.batchSize;
        this.shuffleSeed = b.shuffleSeed;
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Sets every threshold of {@code net} to the largest activation it clips on {@code data} (per layer or per
     * unit), computed layer by layer with the earlier layers already clipped at their new thresholds (which
     * changes nothing: no activation exceeds its own maximum).
     */
    public static void calibrate(SequentialBlock net, LabeledData data, NDManager manager) {
        ParameterStore store = new ParameterStore(manager, false);
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = data.featuresNd(scope);
            for (Block b : net.getChildren().values()) {
                if (b instanceof ClippedRelu c) {
                    NDArray relu = ai.djl.nn.Activation.relu(x);
                    NDArray max = c.granularity() == ClippedRelu.Granularity.LAYER ? relu.max().reshape(1)
                            : relu.max(new int[] {0});
                    c.setThresholds(max.toFloatArray());
                }
                x = b.forward(store, new NDList(x), false).singletonOrThrow();
            }
        }
    }

    /** Trains the thresholds of {@code net} one hidden layer at a time, {@code epochsPerLayer} epochs each. */
    public void trainProgressive(SequentialBlock net, LabeledData data, NDManager manager) {
        List<ClippedRelu> clips = ClippedMlp.clips(net);
        for (int l = 0; l < clips.size(); l++) {
            Interrupts.check();
            train(net, List.of(clips.get(l)), epochsPerLayer, data, manager, "ProAct layer " + (l + 1));
        }
    }

    /** Trains all thresholds of {@code net} at once for as many epochs as the progressive schedule uses in all. */
    public void trainJoint(SequentialBlock net, LabeledData data, NDManager manager) {
        List<ClippedRelu> clips = ClippedMlp.clips(net);
        train(net, clips, epochsPerLayer * clips.size(), data, manager, "joint thresholds");
    }

    private void train(SequentialBlock net, List<ClippedRelu> trained, int epochs, LabeledData data,
            NDManager manager, String name) {
        ClippedMlp.freezeAll(net, true);
        trained.forEach(c -> c.thresholdParameter().freeze(false));
        Distilled block = new Distilled(net, teacher, manager);
        TrainingLoop.builder().setEpochs(epochs).setBatchSize(batchSize).optAdam(learningRate)
                .optShuffleSeed(shuffleSeed).optName(name)
                .optObjective((out, labels) -> loss(out.get(0), out.get(1), trained))
                .optOnBatch((e, t, x, y) -> trained.forEach(ClippedRelu::clampThresholds))
                .build().fit(block, data, null, manager);
        ClippedMlp.freezeAll(net, true);
    }

    /** Eq. (2): τ²·KL(teacher ‖ student) at temperature τ, plus λ Σ_l mean(T_l²) over the trained layers. */
    NDArray loss(NDArray student, NDArray teacherLogits, List<ClippedRelu> trained) {
        NDArray tau = NdConstants.scalar(student, temperature);
        NDArray p = teacherLogits.div(tau).softmax(1);
        NDArray logP = teacherLogits.div(tau).logSoftmax(1);
        NDArray logQ = student.div(tau).logSoftmax(1);
        NDArray kl = p.mul(logP.sub(logQ)).sum(new int[] {1}).mean().mul(tau.mul(tau));
        NDArray reg = null;
        for (ClippedRelu c : trained) {
            NDArray t = c.thresholdParameter().getArray();
            NDArray sq = t.mul(t).mean();
            reg = reg == null ? sq : reg.add(sq);
        }
        return reg == null ? kl : kl.add(reg.mul(NdConstants.scalar(student, penalty)));
    }

    /**
     * The clipped network and its teacher side by side: in training, [student logits, teacher logits]; in
     * inference, the student's logits only. The teacher is not a child: its parameters are not trained.
     */
    static final class Distilled extends AbstractBlock {
        private final SequentialBlock student;
        private final SequentialBlock teacher;
        private final ParameterStore teacherStore;

        Distilled(SequentialBlock student, SequentialBlock teacher, NDManager manager) {
            this.student = addChildBlock("student", student);
            this.teacher = teacher;
            this.teacherStore = new ParameterStore(manager, false);
        }

        @Override
        protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training,
                PairList<String, Object> params) {
            NDArray z = student.forward(store, inputs, training).singletonOrThrow();
            if (!training) {
                return new NDList(z);
            }
            NDArray zt = teacher.forward(teacherStore, inputs, false).singletonOrThrow().stopGradient();
            return new NDList(z, zt);
        }

        @Override
        public Shape[] getOutputShapes(Shape[] inputs) {
            return student.getOutputShapes(inputs);
        }

        @Override
        public boolean isInitialized() {
            return student.isInitialized();
        }

        @Override
        protected void initializeChildBlocks(NDManager manager, ai.djl.ndarray.types.DataType dataType,
                Shape... inputShapes) {
            student.initialize(manager, dataType, inputShapes);
        }
    }

    /**
     * The largest activation of every hidden layer of {@code net} on {@code data} (after its activation), for
     * charts: how far the thresholds sit below what the unclipped network produces.
     */
    public static float[] layerMaxima(SequentialBlock net, LabeledData data, NDManager manager) {
        ParameterStore store = new ParameterStore(manager, false);
        List<Float> out = new ArrayList<>();
        try (NDManager scope = manager.newSubManager()) {
            NDArray x = data.featuresNd(scope);
            List<Block> blocks = new ArrayList<>(net.getChildren().values());
            for (int i = 0; i < blocks.size() - 1; i++) {
                x = blocks.get(i).forward(store, new NDList(x), false).singletonOrThrow();
                if (i % 2 == 1) {
                    out.add(x.max().getFloat());
                }
            }
        }
        float[] r = new float[out.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = out.get(i);
        }
        return r;
    }

    /** Builds a {@link ProAct} trainer. */
    public static final class Builder {
        private SequentialBlock teacher;
        private int epochsPerLayer = 1;
        private float learningRate = LEARNING_RATE;
        private float penalty = PENALTY;
        private float temperature = TEMPERATURE;
        private int batchSize = 128;
        private long shuffleSeed;

        /** The unclipped network whose logits the clipped one learns to match (required, initialised). */
        public Builder setTeacher(SequentialBlock teacher) {
            this.teacher = teacher;
            return this;
        }

        /** Epochs per layer (ProAct) or, times the number of layers, in all (joint); default 1. */
        public Builder setEpochsPerLayer(int epochs) {
            this.epochsPerLayer = epochs;
            return this;
        }

        /** Adam's learning rate for the thresholds; default 0.1. */
        public Builder optLearningRate(float learningRate) {
            this.learningRate = learningRate;
            return this;
        }

        /** λ, the weight of the thresholds' mean square; default 1e-3. */
        public Builder optPenalty(float penalty) {
            this.penalty = penalty;
            return this;
        }

        /** τ, the distillation temperature; default 2. */
        public Builder optTemperature(float temperature) {
            this.temperature = temperature;
            return this;
        }

        /** Batch size; default 128. */
        public Builder optBatchSize(int batchSize) {
            this.batchSize = batchSize;
            return this;
        }

        /** Seed of the batches' order; default 0. */
        public Builder optShuffleSeed(long seed) {
            this.shuffleSeed = seed;
            return this;
        }

        /** The trainer. */
        public ProAct build() {
            Preconditions.checkArgument(teacher != null, "ProAct needs setTeacher(the unclipped network)");
            Preconditions.checkArgument(epochsPerLayer >= 1 && temperature > 0 && penalty >= 0 && learningRate > 0,
                    "ProAct needs epochs ≥ 1, τ > 0, λ ≥ 0 and a positive learning rate");
            return new ProAct(this);
        }
    }
}
