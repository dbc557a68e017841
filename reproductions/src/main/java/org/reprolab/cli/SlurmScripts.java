package org.reprolab.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.reprolab.report.ResultWriter;

/**
 * The Slurm scripts of a seed sweep: an {@code sbatch} array script with one task per shard (each runs the shard
 * with {@code --resume}, so a resubmitted task skips what is done) and a merge script to run after it
 * ({@code --dependency=afterany}). They call only the checkout's {@code ./reprolab}, so a cluster needs what the
 * README installs (a JDK and the Maven-built jar) on storage every node sees, and the output folder there too.
 *
 * @param plan the sweep
 * @param shards array tasks
 * @param cpus CPUs per task; a task runs that many processes ({@code --jobs})
 * @param partition Slurm partition, or null for the cluster's default
 * @param time time limit per task in a form sbatch takes ({@code 30}, {@code 2:00:00}, {@code 1-00:00:00}), or null
 * @param mem memory per task ({@code 8G}), or null
 * @param home the checkout, holding {@code ./reprolab}
 * @param out the output folder, absolute
 */
record SlurmScripts(SweepPlan plan, int shards, int cpus, String partition, String time, String mem, Path home,
        Path out) {

    /** The most array tasks by default: Slurm's default MaxArraySize (1001) allows indices up to 1000. */
    static final int DEFAULT_MAX_TASKS = 1000;

    // sbatch's forms: minutes, m:s, h:m:s, d-h, d-h:m, d-h:m:s
    private static final Pattern TIME = Pattern.compile("\\d+(:\\d{1,2}){0,2}|\\d+-\\d{1,2}(:\\d{1,2}){0,2}");
    private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*");
    private static final Pattern MEM = Pattern.compile("\\d+[KMGT]?");

    /** Checks every field, so that nothing is written for bad input; one-line errors naming the fix. */
    SlurmScripts {
        int units = plan.units().size();
        if (shards < 1 || shards > units) {
            throw new IllegalArgumentException("--shards " + shards + " does not fit " + units + " unit"
                    + (units == 1 ? "" : "s") + " (" + plan.describe() + "); give --shards from 1 to " + units);
        }
        if (cpus < 1) {
            throw new IllegalArgumentException("--cpus " + cpus + " is not a CPU count; give --cpus 1 or more");
        }
        if (time != null && !TIME.matcher(time).matches()) {
            throw new IllegalArgumentException("--time '" + time + "' is not a Slurm time; give minutes (90), H:MM:SS "
                    + "(1:30:00) or D-HH:MM:SS (1-00:00:00)");
        }
        if (partition != null && !PARTITION.matcher(partition).matches()) {
            throw new IllegalArgumentException("--partition '" + partition + "' is not a partition name (letters, "
                    + "digits, '_', '.', '-'; several joined by ',')");
        }
        if (mem != null && !MEM.matcher(mem).matches()) {
            throw new IllegalArgumentException("--mem '" + mem + "' is not a Slurm size; give e.g. 8G or 8000M");
        }
        if (!Files.isExecutable(home.resolve("reprolab"))) {
            throw new IllegalArgumentException(home.resolve("reprolab") + " is missing; run 'reprolab slurm' from the "
                    + "checkout's ./reprolab");
        }
    }

    /** The array script's path. */
    Path arrayScript() {
        return out.resolve("slurm/sweep.sbatch");
    }

    /** The merge script's path. */
    Path mergeScript() {
        return out.resolve("slurm/merge.sbatch");
    }

    /** Where the tasks' logs go. */
    Path logs() {
        return out.resolve("slurm/logs");
    }

    /** The most units one task runs. */
    int unitsPerTask() {
        return (plan.units().size() + shards - 1) / shards;
    }

    /** The array script's text. */
    String arrayText() {
        List<String> run = new ArrayList<>(List.of(q(home.resolve("reprolab").toString()), "run"));
        plan.papers().forEach(run::add);
        run.addAll(List.of("--profile", plan.profile(), "--seed", Long.toString(plan.firstSeed()), "--seeds",
                Integer.toString(plan.seeds()), "--out", q(out.toString()),
                "--shard", "\"${SLURM_ARRAY_TASK_ID}/" + shards + "\"", "--resume"));
        if (cpus > 1) {
            run.addAll(List.of("--jobs", Integer.toString(cpus)));
        }
        return header("reprolab-sweep", "# Seed sweep " + plan.describe() + ": " + plan.units().size() + " units in "
                + shards + " array tasks (shards), at most " + unitsPerTask() + " unit"
                + (unitsPerTask() == 1 ? "" : "s") + " each.\n"
                + "# A task killed or timed out: resubmit it alone (sbatch --array=K " + arrayScript() + "); it skips "
                + "units already done.\n", List.of("--array=1-" + shards, "--cpus-per-task=" + cpus,
                "--output=" + logs().resolve("shard-%a-job-%A.log")))
                + "exec " + String.join(" ", run) + "\n";
    }

    /** The merge script's text. */
    String mergeText() {
        return header("reprolab-merge", "# Merges the units of " + plan.describe() + " into <out>/<id>/result.json and "
                + "<out>/index.html; exits 1 when units are missing or failed.\n", List.of("--cpus-per-task=1",
                "--output=" + logs().resolve("merge-job-%j.log")))
                + "exec " + q(home.resolve("reprolab").toString()) + " report --out " + q(out.toString()) + "\n";
    }

    private String header(String name, String comment, List<String> options) {
        StringBuilder b = new StringBuilder("#!/bin/bash\n# Written by './reprolab slurm'.\n").append(comment);
        List<String> all = new ArrayList<>(List.of("--job-name=" + name));
        all.addAll(options);
        if (partition != null) {
            all.add("--partition=" + partition);
        }
        if (time != null) {
            all.add("--time=" + time);
        }
        if (mem != null) {
            all.add("--mem=" + mem);
        }
        all.add("--chdir=" + home);
        all.forEach(o -> b.append("#SBATCH ").append(o).append('\n'));
        return b.append("set -euo pipefail\n").toString();
    }

    /** Writes both scripts (and the logs folder, which sbatch does not create); returns them. */
    List<Path> write() throws IOException {
        Files.createDirectories(logs());
        List<Path> written = new ArrayList<>();
        for (Path p : List.of(arrayScript(), mergeScript())) {
            ResultWriter.writeFile(p, p.equals(arrayScript()) ? arrayText() : mergeText());
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
            written.add(p);
        }
        return written;
    }

    /** The shell commands that submit the array and then the merge after it. */
    String submitCommands() {
        return "job=$(sbatch --parsable " + q(arrayScript().toString())
                + ") && sbatch --dependency=afterany:${job%%;*} " + q(mergeScript().toString());
    }

    /** {@code sbatch} on the PATH, if there is one. */
    static Optional<Path> sbatch() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Paths.get(dir.isEmpty() ? "." : dir, "sbatch");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Submits the array, then the merge after it; returns their job ids. */
    String[] submit(Path sbatch) throws IOException, InterruptedException {
        String array = run(List.of(sbatch.toString(), "--parsable", arrayScript().toString()));
        String merge = run(List.of(sbatch.toString(), "--parsable", "--dependency=afterany:" + array,
                mergeScript().toString()));
        return new String[] {array, merge};
    }

    private static String run(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.waitFor() != 0) {
            throw new IOException("'" + String.join(" ", cmd) + "' failed: " + text.replace('\n', ' '));
        }
        // --parsable prints "jobid" or "jobid;cluster"
        String last = text.lines().reduce((a, b) -> b).orElse("");
        String id = last.split(";", 2)[0].strip();
        if (!id.matches("\\d+")) {
            throw new IOException("'" + String.join(" ", cmd) + "' printed no job id: " + text.replace('\n', ' '));
        }
        return id;
    }

    /** Quotes for the shell when needed. */
    private static String q(String s) {
        return s.matches("[A-Za-z0-9_./:=+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }
}
