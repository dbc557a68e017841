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
 * {@code reprolab list | run | report | info | kernel install}. Exit code 1 when a claim or check fails
 * (inconclusive claims do not fail a run), 2 on bad usage, 3 when the engine or a dataset is unavailable.
 */
@Command(name = "reprolab", mixinStandardHelpOptions = true, versionProvider = ReprolabCli.Version.class,
        description = "Reproduces neural-network papers and checks their claims.",
        subcommands = {ReprolabCli.ListCommand.class, ReprolabCli.RunCommand.class, ReprolabCli.ReportCommand.class,
                ReprolabCli.InfoCommand.class, ReprolabCli.KernelCommand.class, ReprolabCli.NewCommand.class,
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
                System.out.printf("%-22s %d  %s (%d claims, %d checks)%n", r.id(), r.card().year(), r.card().title(),
                        r.claims().size() - checks, checks);
                if (claims) {
                    for (Claim c : r.claims()) {
                        System.out.printf("%24s- %s%s: %s%n", "", c.isCheck() ? "check " : "", c.id(), c.statement());
                    }
                }
            }
            return 0;
        }
    }

    @Command(name = "run",
            description = "Run reproductions and write result.json, CSV tables and PNG charts per paper.")
    static final class RunCommand implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "ID", description = "Paper ids, or 'all'.")
        List<String> ids;

        @Option(names = "--profile", defaultValue = "quick",
                description = "quick (CI, under 60 s a paper) or full (closer to the paper). "
                        + "Default: ${DEFAULT-VALUE}.")
        String profile;

        @Option(names = "--seed", defaultValue = "42", description = "Run seed. Default: ${DEFAULT-VALUE}.")
        long seed;

        @Option(names = "--out", defaultValue = "out", description = "Output folder. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Option(names = "--device", description = "cpu, gpu or auto (default: \\$REPROLAB_DEVICE, else auto).")
        String device;

        @Option(names = "--no-report", description = "Do not rewrite <out>/index.html after the run.")
        boolean noReport;

        @Override
        public Integer call() throws Exception {
            Profile p = Profile.parse(profile);
            List<Reproduction> todo = new ArrayList<>();
            for (String id : ids) {
                if (id.equals("all")) {
                    todo.addAll(Reproductions.all());
                } else {
                    todo.add(Reproductions.find(id));
                }
            }
            if (device != null) {
                Engines.selectDevice(device);
            }
            System.out.println("reprolab " + Engines.reprolabVersion() + ": " + Engines.info());
            String commit = System.getProperty("reprolab.git.commit", "unknown");
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
    }

    @Command(name = "report", description = "Write <out>/index.html from the results under <out>.")
    static final class ReportCommand implements Callable<Integer> {
        @Option(names = "--out", defaultValue = "out",
                description = "Folder holding <id>/result.json. Default: ${DEFAULT-VALUE}.")
        Path out;

        @Override
        public Integer call() throws Exception {
            try {
                System.out.println(HtmlReport.write(out).toAbsolutePath());
                return 0;
            } catch (java.io.IOException e) {
                System.err.println("reprolab: " + e.getMessage());
                return USAGE;
            }
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
