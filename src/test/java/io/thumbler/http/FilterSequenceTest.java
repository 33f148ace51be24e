package io.thumbler.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import jakarta.servlet.Filter;

class FilterSequenceTest {

    @Test
    void runsTheFiltersInOrderThenTheContainersChainAndAFilterMayAnswerItself() throws Exception {
        List<String> calls = new ArrayList<>();
        Filter a = (req, res, chain) -> {
            calls.add("a");
            chain.doFilter(req, res);
            calls.add("a-after");
        };
        Filter b = (req, res, chain) -> {
            calls.add("b");
            if (!"/answered".equals(((jakarta.servlet.http.HttpServletRequest) req).getRequestURI())) {
                chain.doFilter(req, res);
            }
        };
        FilterSequence sequence = new FilterSequence(List.of(a, b));
        Map<String, Object> attributes = new HashMap<>();

        sequence.doFilter(ServletFakes.request("GET", "/x", Map.of(), attributes), new ServletFakes.Response().servlet,
                (req, res) -> calls.add("container"));
        sequence.doFilter(ServletFakes.request("GET", "/answered", Map.of(), attributes), new ServletFakes.Response().servlet,
                (req, res) -> calls.add("container"));

        assertThat(calls).containsExactly("a", "b", "container", "a-after", "a", "b", "a-after");
    }
}
