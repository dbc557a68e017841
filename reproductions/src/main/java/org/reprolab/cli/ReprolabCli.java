package org.reprolab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.reprolab.data.DatasetException;
import org.reprolab.engine.EngineUnavailableException;
import org.reprolab.engine.Engines;
import org.reprolab.repro.Claim;
import org.reprolab.repro.Profile;
import org.reprolab.repro.ReproResult;
import org.reprolab.repro.ReproSession;
import org.reprolab.repro.Reproduction;
import org.reprolab.repro.Reproductions;
import org.reprolab.repro.Tally;
import org.reprolab.repro.Verdict;
import org.reprolab.report.HtmlReport;
import org.reprolab.report.ResultWriter;
import org.reprolab.report.TeachingSite;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code reprolab list | run | report | slurm | info | kernel install | new | readme | site}. Exit code 1 when a
 * claim or check fails (inconclusive claims do not fail a run) or a unit of a seed sweep failed or is missing, 2 on
 * bad usage, 3 when the engine or a dataset is unavailable (or sbatch refused a job).
 */
@Command(name = "reprolab", mixinStandardHelpOptions = true, versionProvider = ReprolabCli.Version.class,
        description = "Reproduces neural-network papers and checks their claims.",
        subcommands = {ReprolabCli.ListCommand.class, ReprolabCli.RunCommand.class, ReprolabCli.ReportCommand.class,
                ReprolabCli.SlurmCommand.class, ReprolabCli.InfoCommand.class, ReprolabCli.KernelCommand.class,
                ReprolabCli.NewCommand.class,
                ReprolabCli.ReadmeCommand.class,
                ReprolabCli.SiteCommand.class,
                CommandLine.HelpCommand.class})
public final class ReprolabCli implements Runnable {

    /** Exit code when at least one claim or check failed. */
    public static final int CLAIMS_FAILED = 1;
    /** Exit code on bad usage (unknown id, bad flag). */
    public static final int USAGE = 2;
    /** Exit code when the engine or a dataset is unavailable. */
    public static final int ENVIRONMENT = 3;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** Entry point. */
    public static void main(String[] args) {
        System.exit(execute(args));
    }

    /** Runs the command line and returns the exit code (used by tests). */
    public static int execute(String... args) {
        Engines.configure();
        CommandLine cl = new CommandLine(new ReprolabCli());
        cl.setParameterExceptionHandler((ex, a) -> {
            PrintWriter err = ex.getCommandLine().getErr();
            err.println("reprolab: " + ex.getMessage() + "; see 'reprolab help " + ex.getCommandLine().getCommandName()
                    + "'");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof IllegalArgumentException) {
                commandLine.getErr().println("reprolab: " + ex.getMessage());
                return USAGE;
            }
            if (ex instanceof EngineUnavailableException || ex instanceof DatasetException) {
                commandLine.getErr().println("reprolab: " + ex.getMessage());
                return ENVIRONMENT;
            }
            throw ex;
        });
        return cl.execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /** The build's version. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"reprolab " + Engines.reprolabVersion()};
        }
    }

    @Command(name = "list", description = "List the papers: id, title, year and claims.")
    static final class ListCommand implements Callable<Integer> {
        @Option(names = "--claims", description = "Also print each claim's statement.")
        boolean claims;

        @Override
        public Integer call() {
            for (Reproduction r : Reproductions.all()) {
                long checks = r.claims().stream().filter(Claim::isCheck).count();
                long claimCount = r.claims().size() - checks;
                System.out.printf("%-22s %d  %s (%s, %s)%n", r.id(), r.card().year(), r.card().title(),
                        r.card().concept() ? "concept, no claims" : counted(claimCount, "claim"),
                        counted(checks, "check"));
                if (claims) {
                    for (Claim c : r.claims()) {
                        System.out.printf("%24s- %s%s: %s%n", "", c.isCheck() ? "check " : "", c.id(), c.statement());
                    }
                }
            }
            return 0;
        }

        private static String counted(long n, String noun) {
            return n + " " + noun + (n == 1 ? "" : "s");
        }
    }

    @Command(name = "run",
            description = "Run reproductions and write result.json, CSV tables and PNG charts per paper. With "
                    + "--seeds N, a seed sweep: one unit per paper and run seed, each in <out>/<id>/seed-<s>/, then "
                    + "merged.")
    static final class RunCommand implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "ID", description = "Paper ids, or 'all'.")
        List<String> ids;

        @Option(names = "--profile", defaultValue = "quick",
                description = "quick (CI, under 60 s a paper) or full (closer to the paper). "
                        + "Default: ${DEFAULT-VALUE}.")
        String profile;

        @Option(names = "--seed", defaultValue = "42", description = "Run seed (the first, with --seeds). "
                + "Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--out", defaultValue = "out", description = "Output folder. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--device", description = "cpu, gpu or auto (default: \\$REPROLAB_DEVICE, else auto).")
        String device;

        @Option(names = "--no-report",
                description = "Do not rewrite <out>/index.html (nor merge a sweep) after the run.")
        boolean noReport;

        @Option(names = "--seeds", paramLabel = "N", description = "A seed sweep over run seeds --seed to --seed+N-1: "
                + "one unit (paper, run seed) each, written to <out>/<id>/seed-<s>/; <out>/sweep.json records the "
                + "sweep. Ends by merging the units (as 'report' does), unless --shard is given.")
        Integer seeds;

        @Option(names = "--shard", paramLabel = "K/N", description = "With --seeds: run only the K-th of N slices of "
                + "the units (units numbered paper by paper, seeds ascending; slice K takes units K-1, K-1+N, ...). "
                + "No merge: run 'reprolab report' when all slices are done.")
        String shard;

        @Option(names = "--resume", description = "With --seeds: skip units whose result is complete.")
        boolean resume;

        @Option(names = "--jobs", paramLabel = "J", defaultValue = "1", description = "With --seeds: run the units in "
                + "J local processes, one slice each, and wait for them. Default: ${DEFAULT-VALUE} (this process).")
        int jobs;

        @Override
        public Integer call() throws Exception {
            Profile p = Profile.parse(profile);
            List<Reproduction> todo = papers(ids);
            String sweepOnly = shard != null ? "--shard" : resume ? "--resume" : jobs != 1 ? "--jobs" : null;
            if (seeds == null && sweepOnly != null) {
                throw new IllegalArgumentException(sweepOnly + " belongs to a seed sweep; add --seeds N (with the "
                        + "sweep's --seed and --profile), or drop " + sweepOnly);
            }
            if (seeds != null) {
                return sweep(SweepPlan.of(todo, seed, seeds, p.id()));
            }
            if (device != null) {
                Engines.selectDevice(device);
            }
            if (java.nio.file.Files.exists(out.resolve(SweepPlan.MANIFEST))) {
                throw new IllegalArgumentException(out + " holds a seed sweep (" + out.resolve(SweepPlan.MANIFEST)
                        + "); run it with --seeds, or pick another --out");
            }
            System.out.println("reprolab " + Engines.reprolabVersion() + ": " + Engines.info());
            String commit = commit();
            Tally all = new Tally(0, 0, 0, 0, 0);
            for (Reproduction r : todo) {
                System.out.printf("== %s (%s, seed %d)%n", r.id(), p.id(), seed);
                ReproResult result = new ReproSession(r, p, seed).runAll();
                Path dir = ResultWriter.write(result, out, commit);
                for (Verdict v : result.verdicts()) {
                    System.out.println("  " + v.oneLine());
                }
                System.out.printf("  %s in %.1f s -> %s%n", result.summaryLine(), result.wallSeconds(), dir);
                all = all.plus(result.tally());
            }
            if (!noReport) {
                System.out.println("report: " + HtmlReport.write(out).toAbsolutePath());
            }
            System.out.println(all.line());
            return all.anyFailed() ? CLAIMS_FAILED : 0;
        }

        /**
         * Runs this process's units of a sweep. A slice (--shard) exits 1 only when a unit failed: the claims are
         * judged by the merge, which a whole sweep ends with (exit 1 on a failed claim or check, or a unit missing).
         */
        private int sweep(SweepPlan plan) throws Exception {
            SweepPlan.Shard slice = shard == null ? SweepPlan.Shard.ALL : SweepPlan.Shard.parse(shard);
            if (jobs < 1) {
                throw new IllegalArgumentException("--jobs " + jobs + " is not a process count; give --jobs 1 or more");
            }
            plan.record(out);
            if (device != null) {
                Engines.selectDevice(device); // after the checks: it loads the engine
            }
            List<SweepPlan.Unit> units = plan.units(slice);
            System.out.printf("sweep %s: %d unit(s)%s%n", plan.describe(), units.size(),
                    shard == null ? "" : " in shard " + slice + " (of " + plan.units().size() + ")");
            int code;
            if (jobs > 1 && units.size() > 1) {
                code = SweepRunner.runInProcesses(plan, slice, jobs, out, resume, device, System.out) == 0 ? 0
                        : CLAIMS_FAILED;
            } else {
                SweepRunner.Ran ran = SweepRunner.runHere(plan, units, out, resume, Reproductions::find, commit(),
                        System.out);
                System.out.printf("units: %d run, %d skipped, %d failed%n", ran.ran(), ran.skipped(), ran.failed());
                code = ran.failed() > 0 ? CLAIMS_FAILED : 0;
            }
            if (shard != null || noReport) {
                // A slice started by --jobs gets both flags: its parent merges, so the hint would mislead.
                if (shard == null || !noReport) {
                    System.out.println("merge when every shard is done: reprolab report --out " + out);
                }
                return code;
            }
            SweepMerge.Outcome merged = SweepMerge.merge(out, plan, Reproductions::find, System.out);
            System.out.println(merged.tally().line());
            return merged.tally().anyFailed() || !merged.complete() ? CLAIMS_FAILED : code;
        }
    }

    /** The reproductions named by {@code ids}, where {@code all} stands for every paper. */
    private static List<Reproduction> papers(List<String> ids) {
        List<Reproduction> todo = new ArrayList<>();
        for (String id : ids) {
            if (id.equals("all")) {
                todo.addAll(Reproductions.all());
            } else {
                todo.add(Reproductions.find(id));
            }
        }
        return todo;
    }

    /** The commit that runs, as {@code ./reprolab} found it. */
    private static String commit() {
        return System.getProperty("reprolab.git.commit", "unknown");
    }

    @Command(name = "report", description = "Write <out>/index.html from the results under <out>. When <out> holds a "
            + "seed sweep (sweep.json), first merge its units into <out>/<id>/result.json, one line per paper saying "
            + "which units are missing or failed; exit 1 when any are.")
    static final class ReportCommand implements Callable<Integer> {
        @Option(names = "--out", defaultValue = "out",
                description = "Folder holding <id>/result.json. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Override
        public Integer call() throws Exception {
            try {
                java.util.Optional<SweepPlan> plan = SweepPlan.read(out);
                if (plan.isEmpty()) {
                    System.out.println(HtmlReport.write(out).toAbsolutePath());
                    return 0;
                }
                SweepMerge.Outcome merged = SweepMerge.merge(out, plan.get(), Reproductions::find, System.out);
                System.out.println(merged.tally().line());
                if (!merged.complete()) {
                    System.out.printf("units: %d missing, %d failed of %d; run the sweep again with --resume%n",
                            merged.missing(), merged.failed(), merged.units());
                    return CLAIMS_FAILED;
                }
                return 0;
            } catch (java.io.IOException e) {
                System.err.println("reprolab: " + e.getMessage());
                return USAGE;
            }
        }
    }

    @Command(name = "slurm", description = "Write Slurm scripts for a seed sweep: an sbatch array (one task per shard, "
            + "each running its shard with --resume) and a merge to run after it; print the sbatch commands, or "
            + "submit both with --submit.")
    static final class SlurmCommand implements Callable<Integer> {
        @Parameters(arity = "0..*", paramLabel = "ID", description = "Paper ids, or 'all' (the default).")
        List<String> ids;

        @Option(names = "--seeds", required = true, paramLabel = "N", description = "Run seeds --seed to --seed+N-1.")
        int seeds;

        @Option(names = "--seed", defaultValue = "42", description = "The first run seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--profile", defaultValue = "quick", description = "quick or full. Default: ${DEFAULT-VALUE}.")
        String profile;

        @Option(names = "--out", defaultValue = "out", description = "Output folder, on storage every node sees. "
                + "Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--shards", paramLabel = "S", description = "Array tasks. Default: one per unit, at most "
                + SlurmScripts.DEFAULT_MAX_TASKS + " (Slurm's default MaxArraySize).")
        Integer shards;

        @Option(names = "--cpus", paramLabel = "C", defaultValue = "1", description = "CPUs per task; a task runs C "
                + "processes. Default: ${DEFAULT-VALUE}.")
        int cpus;

        @Option(names = "--partition", paramLabel = "P", description = "Slurm partition (default: the cluster's).")
        String partition;

        @Option(names = "--time", paramLabel = "T", description = "Time limit per task, e.g. 30, 2:00:00, 1-00:00:00 "
                + "(default: the partition's).")
        String time;

        @Option(names = "--mem", paramLabel = "M", description = "Memory per task, e.g. 8G (default: the partition's).")
        String mem;

        @Option(names = "--submit", description = "Submit the array and the merge (after it) with sbatch.")
        boolean submit;

        @Override
        public Integer call() throws Exception {
            Profile p = Profile.parse(profile);
            List<Reproduction> todo = papers(ids == null || ids.isEmpty() ? List.of("all") : ids);
            SweepPlan plan = SweepPlan.of(todo, seed, seeds, p.id());
            Path dir = out.toAbsolutePath().normalize();
            SlurmScripts scripts = new SlurmScripts(plan, shards == null
                    ? Math.min(plan.units().size(), SlurmScripts.DEFAULT_MAX_TASKS) : shards, cpus,
                    partition, time, mem, KernelSpec.home().toAbsolutePath().normalize(), dir);
            java.util.Optional<Path> sbatch = SlurmScripts.sbatch();
            if (submit && sbatch.isEmpty()) {
                throw new IllegalArgumentException("--submit needs sbatch, which is not on the PATH; run this on a "
                        + "Slurm login node, or drop --submit and submit the scripts there");
            }
            plan.record(dir);
            scripts.write();
            System.out.printf("wrote %s (%d array tasks, at most %d unit(s) each, for %s) and %s%n",
                    scripts.arrayScript(), scripts.shards(), scripts.unitsPerTask(), plan.describe(),
                    scripts.mergeScript());
            if (!submit) {
                System.out.println("submit with:");
                System.out.println("  " + scripts.submitCommands());
                return 0;
            }
            String[] jobs;
            try {
                jobs = scripts.submit(sbatch.get());
            } catch (java.io.IOException e) {
                System.err.println("reprolab: " + e.getMessage());
                return ENVIRONMENT;
            }
            System.out.printf("submitted array job %s (%d tasks) and merge job %s (afterany:%s); logs in %s%n", jobs[0],
                    scripts.shards(), jobs[1], jobs[0], scripts.logs());
            return 0;
        }
    }

    @Command(name = "info", description = "Print engine, version, device and threads.")
    static final class InfoCommand implements Callable<Integer> {
        @Option(names = "--device", description = "cpu, gpu or auto.")
        String device;

        @Override
        public Integer call() {
            if (device != null) {
                Engines.selectDevice(device);
            }
            System.out.println("reprolab " + Engines.reprolabVersion() + ": " + Engines.info());
            return 0;
        }
    }

    @Command(name = "new", description = "Start a new paper: library package, reproduction skeleton, services line, "
            + "pinned-verdict file and notebook skeleton; then 'mvn verify' (PaperContractTest) says what is missing.")
    static final class NewCommand implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "ID", description = "The paper's id, e.g. info-compression.")
        String id;

        @Option(names = "--number", required = true, description = "Its number in the list of 36 papers.")
        int number;

        @Option(names = "--title", required = true, description = "The paper's title.")
        String title;

        @Option(names = "--authors", required = true, description = "Authors, comma-separated.")
        String authors;

        @Option(names = "--year", required = true, description = "Publication year.")
        int year;

        @Option(names = "--venue", defaultValue = "arXiv",
                description = "Where it appeared. Default: ${DEFAULT-VALUE}.")
        String venue;

        @Option(names = "--arxiv", defaultValue = "", description = "The arXiv id, e.g. 2508.14140.")
        String arxiv;

        @Override
        public Integer call() throws Exception {
            for (Path f : Scaffold.write(KernelSpec.home(), new Scaffold.Paper(id, number, title, authors, year,
                    venue, arxiv))) {
                System.out.println("wrote " + KernelSpec.home().relativize(f));
            }
            System.out.println("next: write the science (CONTRIBUTING, 'Adding a paper'), then run 'mvn -B verify': "
                    + "PaperContractTest lists what is still missing");
            return 0;
        }
    }

    @Command(name = "site", description = "Write one offline teaching site: an index of the papers with their "
            + "verdicts, and per paper its executed notebook beside its result page.")
    static final class SiteCommand implements Callable<Integer> {
        @Option(names = "--out", defaultValue = "ci/out/site", description = "Where. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--notebooks", defaultValue = "ci/out/notebooks",
                description = "Executed notebooks as HTML (ci/notebooks.py run writes them). Default: "
                        + "${DEFAULT-VALUE}.")
        Path notebooks;

        @Option(names = "--results", defaultValue = "ci/out/results",
                description = "Folders of result.json (the notebooks' last cells write them). Default: "
                        + "${DEFAULT-VALUE}.")
        Path results;

        @Override
        public Integer call() {
            try {
                System.out.println("site: " + TeachingSite.write(out, notebooks, results).toAbsolutePath());
                return 0;
            } catch (java.io.IOException e) {
                System.err.println("reprolab: " + e.getMessage());
                return USAGE;
            }
        }
    }

    @Command(name = "readme", description = "Rewrite README.md's generated sections (the papers table and the red "
            + "and amber claims) from the papers' cards and pinned verdicts.")
    static final class ReadmeCommand implements Callable<Integer> {
        @Option(names = "--check", description = "Only check: exit 1 when the sections are stale.")
        boolean check;

        @Override
        public Integer call() throws Exception {
            Path readme = KernelSpec.home().resolve("README.md");
            String now = java.nio.file.Files.readString(readme);
            String next = ReadmeSections.update(now, KernelSpec.home(), Reproductions.all());
            if (check) {
                System.out.println(now.equals(next) ? "README.md is up to date"
                        : "README.md's generated sections are stale; run './reprolab readme'");
                return now.equals(next) ? 0 : CLAIMS_FAILED;
            }
            java.nio.file.Files.writeString(readme, next);
            System.out.println(now.equals(next) ? "README.md was up to date" : "rewrote README.md's generated "
                    + "sections");
            return 0;
        }
    }

    @Command(name = "kernel", description = "Manage the Jupyter kernel.", subcommands = {KernelInstallCommand.class})
    static final class KernelCommand implements Runnable {
        @CommandLine.Spec
        CommandLine.Model.CommandSpec spec;

        @Override
        public void run() {
            throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand; valid: install");
        }
    }

    @Command(name = "install",
            description = "Install the 'reprolab-java' kernelspec (display name \"Java (Reprolab)\") "
            + "so that Jupyter lists it. Default: system-wide (/usr/local/share/jupyter/kernels).")
    static final class KernelInstallCommand implements Callable<Integer> {
        @CommandLine.ArgGroup(exclusive = true)
        Where where;

        static final class Where {
            @Option(names = "--user", description = "Install for the current user (Jupyter's user data directory).")
            boolean user;

            @Option(names = "--prefix", paramLabel = "DIR", description = "Install under DIR/share/jupyter/kernels.")
            Path prefix;
        }

        @Option(names = "--jar", paramLabel = "JAR",
                description = "The kernel jar (default: kernel-ext/target/reprolab-kernel.jar of this build).")
        Path jar;

        @Option(names = "--java", paramLabel = "JAVA",
                description = "The java command the kernel runs with (default: this JVM's).")
        Path java;

        @Override
        public Integer call() throws Exception {
            Path dir = KernelSpec.install(KernelSpec.kernelsDir(where != null && where.user, where == null ? null
                    : where.prefix),
                    java == null ? KernelSpec.currentJava() : java, jar == null ? KernelSpec.defaultJar() : jar);
            System.out.println("installed kernelspec " + KernelSpec.NAME + " (\"" + KernelSpec.DISPLAY_NAME + "\") in "
                    + dir);
            // a --prefix install is found first through JUPYTER_PATH; a system-wide one comes after the user's
            Optional<Path> shadow = where != null ? Optional.empty()
                    : KernelSpec.shadowedBy(dir, KernelSpec.kernelsDir(true, null));
            shadow.ifPresent(user -> System.err.println("warning: Jupyter starts the kernelspec in "
                    + user + " instead (another build); replace it with './reprolab kernel install --user' or "
                            + "remove it"));
            return 0;
        }
    }
}
