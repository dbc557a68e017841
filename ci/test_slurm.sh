#!/usr/bin/env bash
# Tests seed sweeps on a real Slurm: installs Debian's slurm-wlm and munge (apt-get, as root or through sudo),
# starts a one-node cluster on this machine (munged, slurmctld, slurmd; configuration, state and logs in a
# temporary folder, other ports than Slurm's defaults), submits a sweep of two quick papers x 3 run seeds with
# './reprolab slurm --submit', cancels one array task while it runs, checks that it left no result behind and
# that the merge reports it missing, resubmits with --resume, and checks that the merged verdicts and numbers
# (and every unit's) equal those of the same sweep run locally in one process. Everything it started is stopped
# at exit, also on failure. REPROLAB_SLURM_KEEP=1 keeps the temporary folder (its path is printed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
here=$PWD
started=$SECONDS

die() { echo "test_slurm: $*" >&2; exit 1; }
say() { echo "test_slurm: [$((SECONDS - started)) s] $*"; }

[ -f reproductions/target/reprolab.jar ] || mvn -B -q package -DskipTests \
    || die "the Maven build failed; rerun 'mvn package -DskipTests' to see why"
# slurmd starts the jobs as their user, which only root may do.
[ "$(id -u)" -eq 0 ] || exec sudo --preserve-env=PATH,JAVA_HOME,REPROLAB_SLURM_KEEP "$0" "$@"
ci/apt-install.sh test_slurm slurm-wlm munge || exit 1
# Should Debian have started the packages' own daemons (with /etc's configuration), ours run beside them on
# other ports and sockets, and neither touches the other.

work=$(mktemp -d /tmp/reprolab-slurm.XXXXXX)
chmod 700 "$work"
daemons=()
cleanup() {
    local rc=$?
    set +e
    if [ -n "${SLURM_CONF:-}" ] && [ -f "$SLURM_CONF" ]; then
        scancel --quiet --full --user="$(id -un)" 2>/dev/null # only this cluster's jobs: SLURM_CONF is ours
        for _ in $(seq 20); do [ -z "$(squeue -h 2>/dev/null)" ] && break; sleep 0.5; done
    fi
    for pid in "${daemons[@]}"; do kill "$pid" 2>/dev/null; done
    for pid in "${daemons[@]}"; do
        for _ in $(seq 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        kill -9 "$pid" 2>/dev/null
    done
    if [ "$rc" -ne 0 ]; then
        for log in "$work"/*.log "$work"/out/slurm/logs/*.log; do
            [ -f "$log" ] && { echo "--- $log (last lines)"; tail -n 15 "$log"; }
        done
    fi
    if [ "${REPROLAB_SLURM_KEEP:-0}" = 1 ]; then echo "test_slurm: kept $work"; else rm -rf "$work"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# munge: its own key, socket and files.
mkdir -m 700 "$work/munge"
dd if=/dev/urandom of="$work/munge/munge.key" bs=1024 count=1 status=none
chmod 400 "$work/munge/munge.key"
/usr/sbin/munged --foreground --force --socket="$work/munge/munge.socket" --key-file="$work/munge/munge.key" \
    --pid-file="$work/munge/munged.pid" --log-file="$work/munged.log" --seed-file="$work/munge/munged.seed" \
    > "$work/munged.out" 2>&1 &
daemons+=($!)
for _ in $(seq 40); do [ -S "$work/munge/munge.socket" ] && break; sleep 0.25; done
[ -S "$work/munge/munge.socket" ] || die "munged did not start (see $work/munged.log)"

# One node, this machine, all its cores; ports from the process id, away from Slurm's 6817/6818.
host=$(hostname -s)
cpus=$(nproc)
port=$((20000 + ($$ % 5000) * 2))
mkdir -p "$work/state" "$work/spool"
export SLURM_CONF="$work/slurm.conf"
cat > "$SLURM_CONF" <<EOF
ClusterName=reprolabtest
SlurmctldHost=$host(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$work/munge/munge.socket
StateSaveLocation=$work/state
SlurmdSpoolDir=$work/spool
SlurmctldPidFile=$work/slurmctld.pid
SlurmdPidFile=$work/slurmd.pid
SlurmctldLogFile=$work/slurmctld.log
SlurmdLogFile=$work/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU
ReturnToService=2
KillWait=5
MpiDefault=none
NodeName=$host NodeAddr=127.0.0.1 CPUs=$cpus State=UNKNOWN
PartitionName=test Nodes=$host Default=YES MaxTime=INFINITE State=UP
EOF
/usr/sbin/slurmctld -D -i -f "$SLURM_CONF" > "$work/slurmctld.out" 2>&1 &
daemons+=($!)
/usr/sbin/slurmd -D -N "$host" -f "$SLURM_CONF" > "$work/slurmd.out" 2>&1 &
daemons+=($!)
for _ in $(seq 60); do
    state=$(sinfo -h -n "$host" -o %T 2>/dev/null || true)
    [ "$state" = idle ] && break
    sleep 0.5
done
[ "$state" = idle ] || die "the node did not come up (state '${state:-none}'; see $work/slurmctld.log, slurmd.log)"
say "one-node cluster up: $host, $cpus CPUs, slurmctld port $port"

papers=(sdr btf)
sweep=("${papers[@]}" --profile quick --seed 42 --seeds 3)
out="$work/out"
# wait_jobs ID...: until none of the jobs is queued or running.
wait_jobs() {
    local ids; ids=$(IFS=,; echo "$*")
    for _ in $(seq 1200); do
        [ -z "$(squeue -h -j "$ids" 2>/dev/null)" ] && return 0
        sleep 0.5
    done
    die "jobs $ids still queued or running after 10 minutes"
}
submit() {
    ./reprolab slurm "${sweep[@]}" --out "$out" --time 10 --submit | tee "$work/submit.txt"
    array=$(sed -n 's/^submitted array job \([0-9]*\) .*/\1/p' "$work/submit.txt")
    merge=$(sed -n 's/.* and merge job \([0-9]*\) .*/\1/p' "$work/submit.txt")
    [ -n "$array" ] && [ -n "$merge" ] || die "could not read the job ids from './reprolab slurm --submit'"
}
merge_log() { cat "$out/slurm/logs/merge-job-$merge.log"; }

# 1. Submit; cancel the task of btf seed 43 (unit 5 of 6: sdr 42-44, btf 42-44) two seconds into the unit's run.
submit
victim=5
log="$out/slurm/logs/shard-$victim-job-$array.log"
for _ in $(seq 1200); do
    grep -qs "^== btf seed 43 " "$log" && break
    sleep 0.25
done
grep -qs "^== btf seed 43 " "$log" || die "task $victim never started its unit (see $log)"
sleep 2
scancel "${array}_$victim"
say "cancelled task ${array}_$victim (btf seed 43) while it ran"
wait_jobs "$array" "$merge"
[ ! -e "$out/btf/seed-43" ] || die "the cancelled unit left $out/btf/seed-43 behind"
merge_log | grep -q "btf: 2 of 3 units pooled (run seeds 42 to 44); missing: seed-43" \
    || die "the merge after the cancel does not report btf seed 43 missing"
merge_log | grep -q "units: 1 missing, 0 failed of 6" || die "the merge does not count the missing unit"
say "merge after the cancel: btf seed 43 reported missing"

# 2. Resubmit the whole sweep with --resume (the array script has it): five units are skipped, untouched.
before=$(stat -c %i-%Y "$out"/*/seed-*/result.json | sort | tr '\n' ' ')
submit
wait_jobs "$array" "$merge"
merge_log | grep -q "units:" && die "the merge after the resume still reports units missing or failed"
[ "$(grep -l "done already, skipped (--resume)" "$out"/slurm/logs/shard-*-job-"$array".log | wc -l)" -eq 5 ] \
    || die "the resubmitted array did not skip exactly the 5 done units"
after=$(stat -c %i-%Y "$out"/sdr/seed-*/result.json "$out"/btf/seed-4[24]/result.json | sort | tr '\n' ' ')
for inode in $after; do
    case " $before " in *" $inode "*) ;; *) die "a done unit was rewritten by the resumed sweep";; esac
done
say "resumed: 1 unit run, 5 skipped; merged"

# 3. The same sweep locally, in one process; merged and per-unit numbers must be equal, bit for bit.
./reprolab run "${sweep[@]}" --out "$work/local" > "$work/local.txt" || true
grep -q "^units: 6 run, 0 skipped, 0 failed" "$work/local.txt" || die "the local sweep did not run its 6 units"
/usr/bin/python3 - "$out" "$work/local" "${papers[@]}" <<'EOF'
import json, sys
slurm, local, papers = sys.argv[1], sys.argv[2], sys.argv[3:]
def numbers(path):
    r = json.load(open(path))
    # Everything measured and decided; wall times, dates, commits and hosts left out.
    return ([(v["claimId"], v["outcome"], v["estimate"], v["criterion"]) for v in r["verdicts"]],
            r["metrics"], r["tally"], r["complete"])
bad = []
for p in papers:
    for rel in ["result.json"] + ["seed-%d/result.json" % s for s in (42, 43, 44)]:
        a, b = numbers("%s/%s/%s" % (slurm, p, rel)), numbers("%s/%s/%s" % (local, p, rel))
        if repr(a) != repr(b):  # repr: NaN == NaN, and every digit
            bad.append("%s/%s" % (p, rel))
if bad:
    sys.exit("test_slurm: Slurm and local results differ: " + ", ".join(bad))
print("test_slurm: merged and per-unit verdicts and numbers equal the local run's (%s x 3 seeds)" % ", ".join(papers))
EOF
leftovers=$(find "$out" "$work/local" -name '.*' ! -name '.' | head -5)
[ -z "$leftovers" ] || die "hidden temporary files left behind: $leftovers"
say "test_slurm: passed"
