package io.deform4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SubsetsTest {

    private static int[] perClass(ImageDataset d) {
        int[] counts = new int[d.classes()];
        for (int i = 0; i < d.size(); i++) {
            counts[d.label(i)]++;
        }
        return counts;
    }

    @Test
    void balancedAndSeeded() {
        InMemoryDataset data = TestData.indexed(1000, 10, 1, 2, 2);
        ImageDataset a = Subsets.balanced(data, 100, 7);
        assertEquals(100, a.size());
        assertArrayEquals(new int[] {10, 10, 10, 10, 10, 10, 10, 10, 10, 10}, perClass(a));
        assertArrayEquals(Subsets.balancedIndices(data, 100, 7), Subsets.balancedIndices(data, 100, 7));
        assertFalse(Arrays.equals(Subsets.balancedIndices(data, 100, 7), Subsets.balancedIndices(data, 100, 8)));
    }

    @Test
    void notTheFirstN() {
        InMemoryDataset data = TestData.indexed(1000, 10, 1, 2, 2);
        int[] idx = Subsets.balancedIndices(data, 100, 1);
        assertTrue(idx[idx.length - 1] >= 100, "the subset must reach beyond the first examples");
        for (int i = 1; i < idx.length; i++) {
            assertTrue(idx[i] > idx[i - 1], "indices sorted and distinct");
        }
    }

    @Test
    void remainderIsSpreadOneEach() {
        InMemoryDataset data = TestData.indexed(1000, 10, 1, 2, 2);
        int[] counts = perClass(Subsets.balanced(data, 23, 5));
        assertEquals(23, Arrays.stream(counts).sum());
        assertEquals(3, Arrays.stream(counts).filter(c -> c == 3).count());
        assertEquals(7, Arrays.stream(counts).filter(c -> c == 2).count());
    }

    @Test
    void shortClassesGiveTheirShortfallToOthers() {
        int[] labels = new int[30];
        for (int i = 0; i < 30; i++) {
            labels[i] = i < 2 ? 0 : 1 + i % 2;
        }
        byte[][] images = new byte[30][1];
        InMemoryDataset data = new InMemoryDataset(images, labels, ClassNames.numbered(3), 1, 1, 1);
        int[] counts = perClass(Subsets.balanced(data, 15, 0));
        assertEquals(2, counts[0]);
        assertEquals(15, Arrays.stream(counts).sum());
        assertTrue(Math.abs(counts[1] - counts[2]) <= 1);
    }

    @Test
    void wholeSetWhenNIsLargeAndErrorWhenNotPositive() {
        InMemoryDataset data = TestData.indexed(10, 2, 1, 1, 2);
        assertSame(data, Subsets.balanced(data, 10, 0));
        assertEquals("subset size must be positive, got 0",
                assertThrows(IllegalArgumentException.class, () -> Subsets.balanced(data, 0, 0)).getMessage());
    }
}
