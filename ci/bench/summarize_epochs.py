"""Summarises ci/bench/epoch.sh's JSON lines: medians, ratio, RSS. Usage: summarize_epochs.py LOG OUT.json"""
import json
import os
import statistics
import sys


def main():
    rows = [json.loads(line) for line in open(sys.argv[1]) if line.startswith("{")]
    out = {"machine": {"cpus": os.cpu_count(), "load_1min": os.getloadavg()[0]}}
    for impl in ("reprolab", "pytorch"):
        mine = [r for r in rows if r["impl"] == impl]
        warm = [r["seconds"] for r in mine if r["epoch"] > 0]
        first = [r["seconds"] for r in mine if r["epoch"] == 0]
        last_epoch = max(r["epoch"] for r in mine)
        out[impl] = {
            "median_epoch_s": statistics.median(warm),
            "min_epoch_s": min(warm),
            "median_first_epoch_s": statistics.median(first),
            "peak_rss_mb": max(r["peak_rss_mb"] for r in mine),
            # Flat memory: RSS after the last epoch against after the second, per round (max growth).
            "rss_growth_mb": max(
                next(r["rss_mb"] for r in mine if r["round"] == rd and r["epoch"] == last_epoch)
                - next(r["rss_mb"] for r in mine if r["round"] == rd and r["epoch"] == 1)
                for rd in {r["round"] for r in mine}),
            "epochs_measured": len(warm),
        }
    out["time_ratio"] = out["reprolab"]["median_epoch_s"] / out["pytorch"]["median_epoch_s"]
    out["first_epoch_ratio"] = out["reprolab"]["median_first_epoch_s"] / out["pytorch"]["median_first_epoch_s"]
    out["peak_rss_ratio"] = out["reprolab"]["peak_rss_mb"] / out["pytorch"]["peak_rss_mb"]
    with open(sys.argv[2], "w") as f:
        json.dump(out, f, indent=2)
    r, p = out["reprolab"], out["pytorch"]
    print(f"epoch (median of epochs 2+): reprolab {r['median_epoch_s']:.3f} s, pytorch {p['median_epoch_s']:.3f} s, "
          f"ratio {out['time_ratio']:.2f} (target <= 1.0)")
    print(f"first epoch: reprolab {r['median_first_epoch_s']:.3f} s, pytorch {p['median_first_epoch_s']:.3f} s, "
          f"ratio {out['first_epoch_ratio']:.2f}")
    print(f"peak RSS: reprolab {r['peak_rss_mb']:.0f} MB, pytorch {p['peak_rss_mb']:.0f} MB, "
          f"ratio {out['peak_rss_ratio']:.2f} (target <= 1.3); RSS growth after epoch 2: "
          f"reprolab {r['rss_growth_mb']:+.1f} MB, pytorch {p['rss_growth_mb']:+.1f} MB")
    print(f"load average during the run: {out['machine']['load_1min']:.2f} on {out['machine']['cpus']} CPUs")


if __name__ == "__main__":
    main()
