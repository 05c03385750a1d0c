package io.deform4j.optim.tensor;

import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.ParameterList;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.util.Pair;
import io.deform4j.model.Models;
import io.deform4j.model.TrainingDefaults;
import io.deform4j.optim.MultiStepLR;
import io.deform4j.optim.SgdConfig;
import org.junit.jupiter.api.Test;

/** A model from the registry trained a few steps with the paper's SGD: every layer learns. */
class TrainingStepTest {

    @Test
    void resnet20FitsASmallBatchWithNesterovSgd() {
        System.setProperty("ai.djl.pytorch.num_threads", "1");
        System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
        try (NDManager manager = NDManager.newBaseManager()) {
            Block net = Models.create("resnet20", 10, 3);
            Models.initialize(net, manager, Models.inputShape(3), 42L);
            TrainingDefaults d = Models.defaults("resnet20");
            MultiStepLR schedule = new MultiStepLR(d.lr(), d.milestones(), 0.1);
            Optimizer sgd = Optimizer.of(SgdConfig.nesterov(0.9, d.weightDecay()));
            ParameterList params = net.getParameters();
            NDArray x = manager.randomNormal(new Shape(8, 3, 32, 32));
            NDArray y = manager.create(new float[] {0, 1, 2, 3, 4, 5, 6, 7});
            Loss loss = Loss.softmaxCrossEntropyLoss();
            float first = Float.NaN;
            float last = Float.NaN;
            for (int step = 0; step < 8; step++) {
                try (NDManager scope = manager.newSubManager()) {
                    try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                        NDArray logits = net.forward(new ParameterStore(scope, false), new NDList(x), true)
                                .singletonOrThrow();
                        NDArray l = loss.evaluate(new NDList(y), new NDList(logits));
                        collector.backward(l);
                        last = l.getFloat();
                        if (step == 0) {
                            first = last;
                            for (Pair<String, Parameter> p : params) {
                                if (p.getValue().requiresGradient()) {
                                    NDArray g = p.getValue().getArray().getGradient();
                                    assertTrue(g.abs().sum().getFloat() > 0, "no gradient for " + p.getKey());
                                }
                            }
                        }
                    }
                    sgd.step(params, schedule.lr(0));
                }
            }
            assertTrue(last < 0.5f * first, "loss " + first + " -> " + last);
            sgd.close();
        }
    }
}
