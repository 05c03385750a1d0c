#!/usr/bin/python3
"""PyTorch twin of io.deform4j.bench.TrainThroughput (this module's Java benchmark): CIFAR
ResNet-20 (1x1 conv+BN projection shortcuts, as deform4j's model registry), batch 128, 3x32x32
synthetic data, SGD(momentum=0.9, nesterov=True, weight_decay=5e-4), mean cross-entropy; each
step also reads the loss and the count of correct predictions on the host, as the Java loop does.

Usage: /usr/bin/python3 bench/pytorch_throughput.py [--threads N] [--steps N] [--warmup N] [--rounds R]
           [--memory-format contiguous|channels-last]
Prints "python train: X img/s" and "python eval: X img/s" (medians over rounds). The memory format
is PyTorch's default (contiguous) unless asked: channels-last applies
model.to(memory_format=torch.channels_last) and lays out the input batches the same way.
"""
import argparse
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F


class BasicBlock(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn1 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.shortcut = nn.Sequential()
        if stride != 1 or cin != cout:
            self.shortcut = nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        return F.relu(out + self.shortcut(x))


class ResNet(nn.Module):
    def __init__(self, depth=20, classes=10):
        super().__init__()
        n = (depth - 2) // 6
        self.conv = nn.Conv2d(3, 16, 3, 1, 1, bias=False)
        self.bn = nn.BatchNorm2d(16)
        layers, cin = [], 16
        for stage, cout in enumerate([16, 32, 64]):
            for b in range(n):
                layers.append(BasicBlock(cin, cout, 2 if stage > 0 and b == 0 else 1))
                cin = cout
        self.layers = nn.Sequential(*layers)
        self.fc = nn.Linear(64, classes)

    def forward(self, x):
        x = F.relu(self.bn(self.conv(x)))
        x = self.layers(x)
        x = F.adaptive_avg_pool2d(x, 1).flatten(1)
        return self.fc(x)


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--threads", type=int, default=1)
    p.add_argument("--steps", type=int, default=20)
    p.add_argument("--warmup", type=int, default=20)
    p.add_argument("--rounds", type=int, default=2)
    p.add_argument("--batch", type=int, default=128)
    p.add_argument("--memory-format", choices=["contiguous", "channels-last"], default="contiguous")
    a = p.parse_args()
    memory_format = torch.channels_last if a.memory_format == "channels-last" else torch.contiguous_format
    torch.set_num_threads(a.threads)
    try:
        torch.set_num_interop_threads(1)
    except RuntimeError:
        pass
    torch.manual_seed(42)
    model = ResNet().to(memory_format=memory_format)
    opt = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9, nesterov=True, weight_decay=5e-4)
    g = torch.Generator().manual_seed(1)
    batches = [(torch.rand(a.batch, 3, 32, 32, generator=g) * 2 - 1, torch.randint(0, 10, (a.batch,), generator=g))
               for _ in range(4)]
    batches = [(x.contiguous(memory_format=memory_format), y) for x, y in batches]
    state = {"next": 0}

    def train(steps):
        model.train()
        start = time.perf_counter()
        for _ in range(steps):
            x, y = batches[state["next"] % len(batches)]
            state["next"] += 1
            out = model(x)
            loss = F.cross_entropy(out, y)
            loss_value = loss.item()
            if loss_value != loss_value:
                raise SystemExit("NaN loss")
            opt.zero_grad()
            loss.backward()
            opt.step()
            (out.argmax(1) == y).sum().item()
        return steps * a.batch / (time.perf_counter() - start)

    def evaluate(repeats):
        model.eval()
        start = time.perf_counter()
        with torch.no_grad():
            for _ in range(repeats):
                for x, y in batches:
                    out = model(x)
                    F.cross_entropy(out, y).item()
                    (out.argmax(1) == y).sum().item()
        return repeats * len(batches) * a.batch / (time.perf_counter() - start)

    train(a.warmup)
    evaluate(1)
    tr, ev = [], []
    for r in range(a.rounds):
        tr.append(train(a.steps))
        ev.append(evaluate(max(1, a.steps // 4)))
        print(f"round {r + 1}: python train {tr[-1]:.1f} img/s, eval {ev[-1]:.1f} img/s", flush=True)
    print(f"python train: {statistics.median(tr):.1f} img/s")
    print(f"python eval: {statistics.median(ev):.1f} img/s")


if __name__ == "__main__":
    main()
