import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.reprolab.data.FashionMnist;
import org.reprolab.data.LabeledData;
import org.reprolab.engine.Engines;
import org.reprolab.train.Act;
import org.reprolab.train.Init;
import org.reprolab.train.Mlp;
import org.reprolab.train.TrainingLoop;

/**
 * Reprolab's side of ci/bench/epoch.sh: epochs of an MLP 784-256-256-10 on Fashion-MNIST through
 * TrainingLoop (batch 128, plain SGD lr 0.05, shuffled, PyTorch's default init), each epoch timed inside the
 * process. Prints one JSON line per epoch, like epoch_torch.py. Run with the shaded jar on the class path:
 * java -cp reproductions/target/reprolab.jar ci/bench/EpochBenchmark.java [epochs]
 */
public class EpochBenchmark {

    public static void main(String[] args) throws IOException {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Engines.configure();
        Engines.seed(0);
        LabeledData train = FashionMnist.train();
        try (NDManager manager = Engines.engine().newBaseManager(Engines.device())) {
            Block net = Mlp.builder().setWidth(256).setDepth(2).setOutputs(10).optActivation(Act.RELU)
                    .optInit(Init.TORCH_DEFAULT).build();
            TrainingLoop.builder().setEpochs(epochs).setBatchSize(128).optSgd(0.05f).optShuffleSeed(0)
                    .optOnEpoch((e, loss, acc, seconds) -> System.out.printf(
                            "{\"impl\": \"reprolab\", \"epoch\": %d, \"seconds\": %.4f, \"loss\": %.5f, "
                                    + "\"rss_mb\": %.1f, \"peak_rss_mb\": %.1f}%n",
                            e, seconds, loss, status("VmRSS"), status("VmHWM")))
                    .build().fit(net, train, null, manager);
        }
    }

    /** A /proc/self/status field in MB. */
    static double status(String field) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith(field + ":")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException e) {
            return Double.NaN;
        }
        return Double.NaN;
    }
}
