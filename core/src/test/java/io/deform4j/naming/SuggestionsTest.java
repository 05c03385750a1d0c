package io.deform4j.naming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestionsTest {

    private static final List<String> DATA = List.of("cifar10", "cifar100", "fashion-mnist", "mnist", "folder", "sample");

    @Test
    void editDistance() {
        assertEquals(3, Suggestions.levenshtein("kitten", "sitting"));
        assertEquals(0, Suggestions.levenshtein("", ""));
        assertEquals(4, Suggestions.levenshtein("", "abcd"));
    }

    @Test
    void suggestsTheClosestNameIgnoringCaseAndSeparators() {
        assertEquals("cifar10", Suggestions.closest("CIFAR-1O", DATA));
        assertEquals("fashion-mnist", Suggestions.closest("fashon", DATA));
        assertEquals("resnet56", Suggestions.closest("resnt56", List.of("resnet20", "resnet56", "preresnet110")));
        assertNull(Suggestions.closest("imagenet-21k-full", DATA), "nothing close: no suggestion");
    }

    @Test
    void messageNamesWhatTheSuggestionAndTheList() {
        assertEquals("unknown data set 'cifar1O'; did you mean 'cifar10'? Known: cifar10, cifar100, fashion-mnist, mnist, folder, sample",
                Suggestions.unknown("data set", "cifar1O", DATA).getMessage());
    }
}
