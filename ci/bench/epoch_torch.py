"""Reference for ci/bench: one epoch of an MLP 784-256-256-10 on Fashion-MNIST in PyTorch.

Same model, loop and data handling as Reprolab's TrainingLoop: the training set in one tensor, a shuffled
index per epoch, batch 128 gathered by index, plain SGD at lr 0.05, softmax cross-entropy. Run by Debian's
/usr/bin/python3 (python3-torch) with 2 intra-op threads and OPENBLAS_NUM_THREADS=1.
Prints one JSON line per epoch: {"impl": "pytorch", "epoch": i, "seconds": s, "loss": l, "rss_mb": m}.
"""
import gzip
import json
import os
import resource
import sys
import time

import numpy as np
import torch

DATA = os.environ.get("FASHION_MNIST_DIR", "/usr/share/datasets/fashion-mnist")


def idx(path, offset):
    with gzip.open(path, "rb") as f:
        return np.frombuffer(f.read(), dtype=np.uint8, offset=offset)


def rss_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def main():
    epochs = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    threads = int(os.environ.get("BENCH_THREADS", "2"))
    torch.set_num_threads(threads)
    torch.set_num_interop_threads(1)
    torch.manual_seed(0)
    x = torch.from_numpy(idx(f"{DATA}/train-images-idx3-ubyte.gz", 16).reshape(-1, 784).astype(np.float32) / 255.0)
    y = torch.from_numpy(idx(f"{DATA}/train-labels-idx1-ubyte.gz", 8).astype(np.int64))
    model = torch.nn.Sequential(torch.nn.Linear(784, 256), torch.nn.ReLU(), torch.nn.Linear(256, 256),
                                torch.nn.ReLU(), torch.nn.Linear(256, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    loss_fn = torch.nn.CrossEntropyLoss()
    n = x.shape[0]
    for epoch in range(epochs):
        t0 = time.perf_counter()
        perm = torch.randperm(n)
        total = 0.0
        for start in range(0, n, 128):
            i = perm[start:start + 128]
            xb, yb = x[i], y[i]
            opt.zero_grad(set_to_none=False)
            loss = loss_fn(model(xb), yb)
            loss.backward()
            opt.step()
            total += loss.item() * len(i)
        dt = time.perf_counter() - t0
        print(json.dumps({"impl": "pytorch", "epoch": epoch, "seconds": round(dt, 4), "loss": round(total / n, 5),
                          "rss_mb": round(rss_mb(), 1),
                          "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0, 1)}),
              flush=True)


if __name__ == "__main__":
    main()
