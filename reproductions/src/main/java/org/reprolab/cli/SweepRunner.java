package org.reprolab.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.Function;
import org.reprolab.engine.Engines;
import org.reprolab.repro.Profile;
import org.reprolab.repro.ReproResult;
import org.reprolab.repro.ReproSession;
import org.reprolab.repro.Reproduction;
import org.reprolab.report.ResultSummary.UnitState;
import org.reprolab.report.ResultWriter;

/**
 * Runs the units of a seed sweep: in this process one after the other, or in several local processes, one shard
 * each. A unit writes only its own folder, whole or not at all ({@link ResultWriter#writeFolder}); before it runs,
 * what a killed earlier attempt at the same unit left behind is deleted.
 */
final class SweepRunner {

    private SweepRunner() {}

    /**
     * What a run of units did.
     *
     * @param ran units run
     * @param skipped units skipped because their result was complete (with {@code --resume})
     * @param failed units that failed
     * @param claimsFailed units with a failed claim or check
     */
    record Ran(int ran, int skipped, int failed, int claimsFailed) { }

    /**
     * Runs {@code units} of {@code plan} one after the other in this process, writing each to its folder under
     * {@code out}; with {@code resume}, units whose result is complete are skipped.
     */
    static Ran runHere(SweepPlan plan, List<SweepPlan.Unit> units, Path out, boolean resume,
            Function<String, Reproduction> papers, String commit, PrintStream log) throws IOException {
        Profile profile = Profile.parse(plan.profile());
        int ran = 0;
        int skipped = 0;
        int failed = 0;
        int claimsFailed = 0;
        boolean engineShown = false;
        for (SweepPlan.Unit u : units) {
            Path dir = u.dir(out);
            // Units never share a folder, so whatever is beside this one under its name is from a killed attempt.
            int stale = ResultWriter.cleanStale(dir);
            if (stale > 0) {
                log.println("  " + u.label() + ": deleted " + stale + " temporary folder" + (stale == 1 ? "" : "s")
                        + " a killed attempt left behind");
            }
            if (resume && SweepMerge.inspect(out, plan, u).state() == UnitState.DONE) {
                log.println("== " + u.label() + ": done already, skipped (--resume)");
                skipped++;
                continue;
            }
            if (!engineShown) {
                log.println("reprolab " + Engines.reprolabVersion() + ": " + Engines.info());
                engineShown = true;
            }
            log.printf("== %s (%s profile) -> %s%n", u.label(), plan.profile(), dir);
            ran++;
            try {
                ReproResult r = new ReproSession(papers.apply(u.paper()), profile, u.seed()).runAll();
                ResultWriter.writeTo(r, dir, commit);
                log.printf("  %s in %.1f s%n", r.summaryLine(), r.wallSeconds());
                if (r.tally().anyFailed()) {
                    claimsFailed++;
                }
                String why = SweepMerge.inspect(out, plan, u).why();
                if (!why.isEmpty()) {
                    failed++;
                    log.println("  failed: " + why);
                }
            } catch (CancellationException e) {
                throw e;
            } catch (RuntimeException e) {
                failed++;
                String why = e.getClass().getSimpleName() + ": " + e.getMessage();
                log.println("  failed: " + why);
                ResultWriter.writeFolder(dir, tmp -> Files.writeString(tmp.resolve(SweepMerge.FAILED_FILE),
                        why.replace('\n', ' ') + "\n", StandardCharsets.UTF_8));
            }
        }
        return new Ran(ran, skipped, failed, claimsFailed);
    }

    /**
     * Runs {@code shard} of the sweep in {@code jobs} local processes, shard {@code K + N j} of {@code N J} each
     * (fewer when the shard has fewer units), prints their output line by line with the slice in front, and
     * waits for all. Returns the worst exit code.
     */
    static int runInProcesses(SweepPlan plan, SweepPlan.Shard shard, int jobs, Path out, boolean resume,
            String device, PrintStream log) throws IOException, InterruptedException {
        int n = Math.min(jobs, plan.units(shard).size());
        List<Process> running = new ArrayList<>();
        List<Thread> pumps = new ArrayList<>();
        Thread killer = new Thread(() -> running.forEach(Process::destroy));
        Runtime.getRuntime().addShutdownHook(killer);
        try {
            for (int j = 0; j < n; j++) {
                SweepPlan.Shard slice = shard.split(j, n);
                List<String> cmd = new ArrayList<>(javaCommand());
                cmd.addAll(List.of(ReprolabCli.class.getName(), "run"));
                cmd.addAll(plan.papers());
                cmd.addAll(List.of("--profile", plan.profile(), "--seed", Long.toString(plan.firstSeed()), "--seeds",
                        Integer.toString(plan.seeds()), "--out", out.toAbsolutePath().toString(), "--shard",
                        slice.toString(), "--no-report"));
                if (resume) {
                    cmd.add("--resume");
                }
                if (device != null) {
                    cmd.addAll(List.of("--device", device));
                }
                Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
                running.add(p);
                Thread pump = new Thread(() -> prefix(p, "[" + slice + "] ", log), "shard " + slice);
                pump.start();
                pumps.add(pump);
            }
            int worst = 0;
            for (int j = 0; j < n; j++) {
                int code = running.get(j).waitFor();
                pumps.get(j).join();
                if (code != 0) {
                    log.println("[" + shard.split(j, n) + "] exited with " + code);
                }
                worst = Math.max(worst, code);
            }
            return worst;
        } finally {
            running.forEach(Process::destroy);
            Runtime.getRuntime().removeShutdownHook(killer);
        }
    }

    /** This JVM's java command, flags and class path, so a child runs the same code the same way. */
    private static List<String> javaCommand() {
        String java = ProcessHandle.current().info().command()
                .orElse(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        List<String> cmd = new ArrayList<>(List.of(java));
        // A debugger's agent would clash on its port; everything else (heap, -D settings, commit) is inherited.
        ManagementFactory.getRuntimeMXBean().getInputArguments().stream().filter(a -> !a.startsWith("-agentlib:jdwp"))
                .forEach(cmd::add);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path")));
        return cmd;
    }

    private static void prefix(Process p, String prefix, PrintStream log) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                synchronized (log) {
                    log.println(prefix + line);
                }
            }
        } catch (IOException e) {
            log.println(prefix + "output lost: " + e.getMessage());
        }
    }
}
