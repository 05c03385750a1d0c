#!/usr/bin/python3
"""PyTorch references for deform4j's models (the registry's ImageNet and large CIFAR models).

Run with Debian's python3 and its packages python3-torch and python3-torchvision:

  tools/torch_reference.py shapes OUT.json
      every reference model's state_dict names and shapes (buffers included, num_batches_tracked
      left out), its trainable parameter count at 10 and 1000 classes, and its forward
      multiply-accumulates per image of convolutions and linear layers at its default input size.

  tools/torch_reference.py export MODEL WEIGHTS.npz BATCH.npz [--size S] [--batch N] [--seed N] [--no-drop]
      a seeded model's state_dict (PyTorch names, the format `deform4j train --init-from` reads;
      batch norm's tensors drawn away from their initial values), and one batch: the input, the labels, eval-mode logits, then train-mode logits, loss,
      the gradients of a few tensors and the running statistics after that training forward.

The references: torchvision 0.14's resnet18, resnet34, efficientnet_b0 and efficientnet_b1 as they
are (with the stem's stride 1 for inputs under 64 pixels, as deform4j builds them for CIFAR); the
SE-ResNeXt-29 of CIFAR-ZOO (models/senet.py: same module names, so the same state_dict keys); and a
pre-activation ResNet-18 (no torchvision counterpart), both written out below.
"""
import argparse
import json
import math
import sys

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F
import torchvision

# Inputs smaller than this get a stride-1 stem in the EfficientNets (deform4j's EfficientNet.java).
SMALL_INPUT = 64


class SEModule(nn.Module):
    """CIFAR-ZOO's squeeze-excitation: pool, 1x1 conv (bias) to C/16, ReLU, 1x1 conv back, sigmoid, scale."""

    def __init__(self, channels, reduction=16):
        super().__init__()
        self.avg_pool = nn.AdaptiveAvgPool2d(1)
        self.fc_1 = nn.Conv2d(channels, channels // reduction, kernel_size=1)
        self.relu = nn.ReLU(inplace=True)
        self.fc_2 = nn.Conv2d(channels // reduction, channels, kernel_size=1)
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        return x * self.sigmoid(self.fc_2(self.relu(self.fc_1(self.avg_pool(x)))))


class SEBottleneck(nn.Module):
    """CIFAR-ZOO's SE-ResNeXt bottleneck: 1x1 reduce to D, grouped 3x3, 1x1 expand, SE on the last BN's
    output, plus the shortcut (1x1 conv + BN when the channels change), then ReLU."""

    def __init__(self, cin, cout, stride, cardinality, base_width, expansion=4):
        super().__init__()
        d = cardinality * int(base_width * (cout / (expansion * 64.0)))
        self.relu = nn.ReLU(inplace=True)
        self.se_module = SEModule(cout)
        self.conv_reduce = nn.Conv2d(cin, d, 1, bias=False)
        self.bn_reduce = nn.BatchNorm2d(d)
        self.conv_conv = nn.Conv2d(d, d, 3, stride=stride, padding=1, groups=cardinality, bias=False)
        self.bn = nn.BatchNorm2d(d)
        self.conv_expand = nn.Conv2d(d, cout, 1, bias=False)
        self.bn_expand = nn.BatchNorm2d(cout)
        self.shortcut = nn.Sequential()
        if cin != cout:
            self.shortcut.add_module("shortcut_conv", nn.Conv2d(cin, cout, 1, stride=stride, bias=False))
            self.shortcut.add_module("shortcut_bn", nn.BatchNorm2d(cout))

    def forward(self, x):
        out = self.relu(self.bn_reduce(self.conv_reduce(x)))
        out = self.relu(self.bn(self.conv_conv(out)))
        out = self.bn_expand(self.conv_expand(out))
        return self.relu(self.se_module(out) + self.shortcut(x))


class SEResNeXt29(nn.Module):
    """CIFAR-ZOO's SeResNeXt at depth 29: 3x3 stem (64) + BN + ReLU, 3 stages of 3 bottlenecks with
    256/512/1024 output channels (stride 2 at stages 2 and 3), global average pooling, linear."""

    def __init__(self, cardinality, num_classes, base_width=64, channels=3):
        super().__init__()
        widths = [64, 256, 512, 1024]
        self.conv_1_3x3 = nn.Conv2d(channels, 64, 3, 1, 1, bias=False)
        self.bn_1 = nn.BatchNorm2d(64)
        for s in range(3):
            stage = nn.Sequential()
            for b in range(3):
                cin = widths[s] if b == 0 else widths[s + 1]
                stride = (1 if s == 0 else 2) if b == 0 else 1
                stage.add_module("stage_%d_bottleneck_%d" % (s + 1, b),
                                 SEBottleneck(cin, widths[s + 1], stride, cardinality, base_width))
            self.add_module("stage_%d" % (s + 1), stage)
        self.fc = nn.Linear(1024, num_classes)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight)  # fan_in; conv biases keep PyTorch's default
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)

    def forward(self, x):
        x = F.relu(self.bn_1(self.conv_1_3x3(x)))
        x = self.stage_3(self.stage_2(self.stage_1(x)))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


class PreActBlock(nn.Module):
    """Pre-activation basic block: conv(relu(bn(conv(relu(bn(x)))))) + shortcut, where the shortcut is
    the identity or a bare 1x1 conv (no BN) of the block's raw input."""

    def __init__(self, cin, cout, stride):
        super().__init__()
        self.bn1 = nn.BatchNorm2d(cin)
        self.conv1 = nn.Conv2d(cin, cout, 3, stride, 1, bias=False)
        self.bn2 = nn.BatchNorm2d(cout)
        self.conv2 = nn.Conv2d(cout, cout, 3, 1, 1, bias=False)
        self.downsample = nn.Conv2d(cin, cout, 1, stride, bias=False) if stride != 1 or cin != cout else None

    def forward(self, x):
        out = self.conv1(F.relu(self.bn1(x)))
        out = self.conv2(F.relu(self.bn2(out)))
        return out + (x if self.downsample is None else self.downsample(x))


class PreActResNet18(nn.Module):
    """ImageNet pre-activation ResNet-18: torchvision's stem (7x7/2 conv, BN, ReLU, 3x3/2 max-pool), four
    stages of two pre-activation blocks (64..512), a final BN + ReLU, global average pooling, linear;
    initialised as torchvision's ResNets."""

    def __init__(self, num_classes, channels=3):
        super().__init__()
        self.conv1 = nn.Conv2d(channels, 64, 7, 2, 3, bias=False)
        self.bn1 = nn.BatchNorm2d(64)
        self.maxpool = nn.MaxPool2d(3, 2, 1)
        cin = 64
        for i, cout in enumerate([64, 128, 256, 512]):
            stride = 1 if i == 0 else 2
            self.add_module("layer%d" % (i + 1), nn.Sequential(PreActBlock(cin, cout, stride),
                                                                PreActBlock(cout, cout, 1)))
            cin = cout
        self.bn_final = nn.BatchNorm2d(512)
        self.fc = nn.Linear(512, num_classes)
        for m in self.modules():
            if isinstance(m, nn.Conv2d):
                nn.init.kaiming_normal_(m.weight, mode="fan_out", nonlinearity="relu")
            elif isinstance(m, nn.BatchNorm2d):
                nn.init.ones_(m.weight)
                nn.init.zeros_(m.bias)

    def forward(self, x):
        x = self.maxpool(F.relu(self.bn1(self.conv1(x))))
        x = self.layer4(self.layer3(self.layer2(self.layer1(x))))
        x = F.relu(self.bn_final(x))
        return self.fc(torch.flatten(F.adaptive_avg_pool2d(x, 1), 1))


# name -> default input size (the data of the model's training defaults: CIFAR 32, ImageNet 224)
DEFAULT_SIZE = {
    "efficientnet_b0": 32, "efficientnet_b1": 32,
    "se_resnext29_16x64d": 32, "se_resnext29_8x64d": 32,
    "resnet18": 224, "resnet34": 224, "preresnet18": 224,
}


def build(name, classes, size, drop=True):
    """The reference model `name` for inputs of size x size (3 channels)."""
    if name in ("efficientnet_b0", "efficientnet_b1"):
        kwargs = {} if drop else {"stochastic_depth_prob": 0.0}
        m = getattr(torchvision.models, name)(num_classes=classes, **kwargs)
        if not drop:
            m.classifier[0].p = 0.0
        if size < SMALL_INPUT:
            m.features[0][0].stride = (1, 1)
        return m
    if name in ("resnet18", "resnet34"):
        return getattr(torchvision.models, name)(num_classes=classes)
    if name == "preresnet18":
        return PreActResNet18(classes)
    if name == "se_resnext29_16x64d":
        return SEResNeXt29(16, classes)
    if name == "se_resnext29_8x64d":
        return SEResNeXt29(8, classes)
    raise SystemExit("unknown model %r; known: %s" % (name, ", ".join(DEFAULT_SIZE)))


def multiply_accumulates(model, size):
    """Multiply-accumulates of one image's forward pass through every Conv2d and Linear."""
    total = [0]

    def conv(m, inputs, out):
        total[0] += out.numel() * (m.in_channels // m.groups) * m.kernel_size[0] * m.kernel_size[1]

    def linear(m, inputs, out):
        total[0] += out.numel() * m.in_features

    hooks = [m.register_forward_hook(conv if isinstance(m, nn.Conv2d) else linear)
             for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    model.eval()
    with torch.no_grad():
        model(torch.zeros(1, 3, size, size))
    for h in hooks:
        h.remove()
    return total[0]


def shapes(out):
    torch.manual_seed(0)
    result = {}
    for name, size in DEFAULT_SIZE.items():
        m = build(name, 10, size)
        params = sum(p.numel() for p in m.parameters())
        fc = [mod for mod in m.modules() if isinstance(mod, nn.Linear)][-1]
        result[name] = {
            "tensors": {k: list(v.shape) for k, v in m.state_dict().items()
                        if not k.endswith("num_batches_tracked")},
            "params_10": params,
            "params_1000": params + 990 * (fc.in_features + 1),
            "size": size,
            "macs": multiply_accumulates(m, size),
        }
    with open(out, "w") as f:
        json.dump(result, f, indent=1)


def perturb_batch_norms(model):
    """Batch norm away from its initial identity (γ 1, β 0, mean 0, var 1), so that the comparison
    sees each of its four tensors load into the right place."""
    with torch.no_grad():
        for m in model.modules():
            if isinstance(m, nn.BatchNorm2d):
                m.weight.uniform_(0.5, 1.5)
                m.bias.normal_(0, 0.1)
                m.running_mean.normal_(0, 0.1)
                m.running_var.uniform_(0.5, 1.5)


def export(name, weights_out, batch_out, size, batch, seed, drop):
    torch.manual_seed(seed)
    classes = 10
    m = build(name, classes, size, drop)
    perturb_batch_norms(m)
    x = torch.randn(batch, 3, size, size)
    y = torch.randint(0, classes, (batch,))
    state = m.state_dict()
    np.savez(weights_out, **{k: v.numpy() for k, v in state.items()})
    m.eval()
    with torch.no_grad():
        eval_logits = m(x)
    m.train()
    logits = m(x)
    loss = F.cross_entropy(logits, y)
    loss.backward()
    named = dict(m.named_parameters())
    keys = list(named)
    picked = sorted({keys[0], keys[1], keys[len(keys) // 2], keys[-2], keys[-1]}, key=keys.index)
    bn = [k[:-len("running_mean")] for k in state if k.endswith("running_mean")][0]
    data = {"input": x.numpy(), "labels": y.numpy(), "eval_logits": eval_logits.numpy(),
            "train_logits": logits.detach().numpy(), "train_loss": np.array(loss.item(), dtype=np.float32)}
    for k in picked:
        data["grad/" + k] = named[k].grad.numpy()
    for k in ("running_mean", "running_var"):
        data["after/" + bn + k] = m.state_dict()[bn + k].numpy()
    np.savez(batch_out, **data)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    s = sub.add_parser("shapes")
    s.add_argument("out")
    e = sub.add_parser("export")
    e.add_argument("model")
    e.add_argument("weights")
    e.add_argument("batch_file")
    e.add_argument("--size", type=int, default=32)
    e.add_argument("--batch", type=int, default=2)
    e.add_argument("--seed", type=int, default=0)
    e.add_argument("--no-drop", action="store_true",
                   help="stochastic depth and dropout off, so that train mode is deterministic")
    args = parser.parse_args(argv)
    torch.set_num_threads(max(1, min(2, torch.get_num_threads())))
    if args.command == "shapes":
        shapes(args.out)
    else:
        export(args.model, args.weights, args.batch_file, args.size, args.batch, args.seed, not args.no_drop)


if __name__ == "__main__":
    main(sys.argv[1:])
