package io.deform4j.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class MultiStepLRTest {

    @Test
    void closedFormIsBisectRight() {
        MultiStepLR s = new MultiStepLR(0.1, List.of(150, 225), 0.1);
        assertEquals(0.1, s.lr(0));
        assertEquals(0.1, s.lr(149));
        assertEquals(0.1 * 0.1, s.lr(150), 1e-18);   // the milestone epoch itself is decayed
        assertEquals(0.1 * 0.1, s.lr(224), 1e-18);
        assertEquals(0.1 * 0.01, s.lr(225), 1e-18);
        assertEquals(0.1 * 0.01, s.lr(249), 1e-18);
        assertEquals(2, s.decays(10_000));
        MultiStepLR pre = new MultiStepLR(0.1, List.of(100, 150, 200), 0.1);
        assertEquals(0, pre.decays(99));
        assertEquals(1, pre.decays(100));
        assertEquals(2, pre.decays(199));
        assertEquals(3, pre.decays(200));
        assertEquals(0.5, new MultiStepLR(0.5, List.of(), 0.1).lr(1000));
        assertEquals(0.5 * 0.5, new MultiStepLR(0.5, List.of(1), 0.5).lr(1));
    }

    @Test
    void constantHasNoMilestones() {
        MultiStepLR c = MultiStepLR.constant(0.02);
        assertEquals(List.of(), c.milestones());
        assertEquals(0.02, c.lr(0));
        assertEquals(0.02, c.lr(1_000_000));
        assertEquals(0.1, MultiStepLR.DEFAULT_GAMMA);
        assertEquals("lr 0.02", c.toString());
        assertEquals("lr 0.2 x 0.1 at [150, 225]", new MultiStepLR(0.2, List.of(150, 225), 0.1).toString());
    }

    @Test
    void validates() {
        SgdMathTest.assertMessage(() -> new MultiStepLR(0.1, List.of(150, 150), 0.1), "strictly increasing", "[150, 150]");
        SgdMathTest.assertMessage(() -> new MultiStepLR(0.1, List.of(225, 150), 0.1), "strictly increasing", "[225, 150]");
        SgdMathTest.assertMessage(() -> new MultiStepLR(0.1, List.of(0, 150), 0.1), "positive", "[0, 150]");
        SgdMathTest.assertMessage(() -> new MultiStepLR(0, List.of(150), 0.1), "learning rate", "0.0");
        SgdMathTest.assertMessage(() -> new MultiStepLR(0.1, List.of(150), 0), "gamma", "0.0");
        SgdMathTest.assertMessage(() -> new MultiStepLR(0.1, List.of(150), Double.NaN), "gamma", "NaN");
        SgdMathTest.assertMessage(() -> new MultiStepLR(0.1, List.of(150), 0.1).lr(-1), "epoch", "-1");
    }
}
