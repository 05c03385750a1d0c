"""torchvision's twin of io.deform4j.bench.ImageNetPipeline, and the synthesis of test photos.

  imagenet_pipeline.py measure DIR [--seconds S]
      ImageFolder(DIR) with RandomResizedCrop(224) + RandomHorizontalFlip + ToTensor + Normalize
      (training) and Resize(256) + CenterCrop(224) + ToTensor + Normalize (evaluation), one item at
      a time as a DataLoader worker takes them, one thread (torch.set_num_threads(1)); after a 2 s
      warm-up of each, prints "python train images=N cpu_seconds=C wall_seconds=W
      images_per_cpu_second=R" (images per second of process CPU time).
  imagenet_pipeline.py view DIR FILE K
      writes the evaluation view (Resize(256) + CenterCrop(224), uint8, 3x224x224, before ToTensor)
      of the first K pictures of ImageFolder(DIR) to FILE, for ImageNetPipeline --check.
  imagenet_pipeline.py synthesise DIR N [--seed S]
      writes N photo-sized JPEGs (sizes as ImageNet's common ones, quality 90, 4:2:0) of smooth
      colour fields, shapes and texture into DIR/synthetic/.
"""
import argparse
import os
import time

import numpy as np
import torch
from PIL import Image, ImageDraw, ImageFilter
from torchvision import datasets, transforms as T

MEAN, STD = (0.485, 0.456, 0.406), (0.229, 0.224, 0.225)
SIZES = [(500, 375), (375, 500), (500, 333), (640, 480), (500, 400), (333, 500)]


def measure(args):
    torch.set_num_threads(1)
    normalize = [T.ToTensor(), T.Normalize(MEAN, STD)]
    train = T.Compose([T.RandomResizedCrop(224), T.RandomHorizontalFlip()] + normalize)
    evaluate = T.Compose([T.Resize(256), T.CenterCrop(224)] + normalize)
    for seconds in (min(2.0, args.seconds), args.seconds):
        for name, transform in (("train", train), ("eval", evaluate)):
            data = datasets.ImageFolder(args.dir, transform=transform)
            images, cpu0, start = 0, time.process_time(), time.perf_counter()
            while time.perf_counter() - start < seconds:
                for i in torch.randperm(len(data)).tolist() if name == "train" else range(len(data)):
                    data[i]
                    images += 1
                    if time.perf_counter() - start >= seconds:
                        break
            cpu, wall = time.process_time() - cpu0, time.perf_counter() - start
            print("python %s images=%d cpu_seconds=%.2f wall_seconds=%.2f images_per_cpu_second=%.1f"
                  % (name, images, cpu, wall, images / cpu), flush=True)


def view(args):
    data = datasets.ImageFolder(args.dir, transform=T.Compose([T.Resize(256), T.CenterCrop(224)]))
    with open(args.file, "wb") as f:
        for i in range(min(args.k, len(data))):
            f.write(np.ascontiguousarray(np.asarray(data[i][0]).transpose(2, 0, 1)).tobytes())


def synthesise(args):
    rng = np.random.default_rng(args.seed)
    out = os.path.join(args.dir, "synthetic")
    os.makedirs(out, exist_ok=True)
    total = 0
    for i in range(args.n):
        w, h = SIZES[i % len(SIZES)]
        base = Image.fromarray((rng.random((6, 8, 3)) * 255).astype(np.uint8)).resize((w, h), Image.BICUBIC)
        draw = ImageDraw.Draw(base)
        for _ in range(rng.integers(5, 25)):
            x0, y0 = int(rng.integers(0, w)), int(rng.integers(0, h))
            x1, y1 = x0 + int(rng.integers(10, w // 2)), y0 + int(rng.integers(10, h // 2))
            colour = tuple(int(c) for c in rng.integers(0, 256, 3))
            if rng.random() < 0.5:
                draw.ellipse([x0, y0, x1, y1], fill=colour)
            else:
                draw.polygon([(x0, y0), (x1, y0 + int(rng.integers(-50, 50))), (x0 + int(rng.integers(-50, 50)), y1)],
                             fill=colour)
        pixels = np.asarray(base.filter(ImageFilter.GaussianBlur(1.5))).astype(np.float32)
        coarse = Image.fromarray((rng.random((h // 4, w // 4)) * 255).astype(np.uint8)).resize((w, h), Image.BILINEAR)
        texture = rng.normal(0, 14, (h, w, 1)) + np.asarray(coarse, dtype=np.float32)[..., None] * 0.25
        path = os.path.join(out, "img_%05d.JPEG" % i)
        Image.fromarray(np.clip(pixels + texture - 30, 0, 255).astype(np.uint8)).save(path, quality=90)
        total += os.path.getsize(path)
    print("synthesised %d JPEGs, %.0f kB on average, in %s" % (args.n, total / args.n / 1000, out))


def main():
    parser = argparse.ArgumentParser()
    sub = parser.add_subparsers(dest="command", required=True)
    m = sub.add_parser("measure")
    m.add_argument("dir")
    m.add_argument("--seconds", type=float, default=10)
    v = sub.add_parser("view")
    v.add_argument("dir")
    v.add_argument("file")
    v.add_argument("k", type=int)
    s = sub.add_parser("synthesise")
    s.add_argument("dir")
    s.add_argument("n", type=int)
    s.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    {"measure": measure, "view": view, "synthesise": synthesise}[args.command](args)


if __name__ == "__main__":
    main()
