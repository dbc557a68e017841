package org.reprolab.report;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.reprolab.repro.Profile;
import org.reprolab.repro.ToyReproduction;

class TeachingSiteTest {

    @TempDir
    Path tmp;

    @Test
    void theSiteLinksOnlyToItsOwnFilesAndShowsEveryPaper() throws IOException {
        Path results = tmp.resolve("results");
        Path notebooks = Files.createDirectories(tmp.resolve("notebooks"));
        ResultWriter.write(new ToyReproduction().run(Profile.QUICK, 1), results, "abc");
        Files.writeString(notebooks.resolve("toy.html"), "<html><script src=\"file:///usr/share/javascript/requirejs/"
                + "require.min.js\"></script><script src=\"file:///usr/share/javascript/mathjax/MathJax.js?config=x\">"
                + "</script><img src=\"data:image/png;base64,AAAA\"></html>");
        Path site = tmp.resolve("site");
        Path index = TeachingSite.write(site, notebooks, results);
        String html = Files.readString(index);
        assertTrue(html.contains("A toy paper") && html.contains("toy/notebook.html") && html.contains("toy/result.html"),
                html);
        String nb = Files.readString(site.resolve("toy/notebook.html"));
        assertTrue(nb.contains("src=\"../_static/require.min.js\"") && nb.contains("../_static/mathjax/MathJax.js"), nb);
        assertFalse(nb.contains("file://"), nb);
        for (Path page : new Path[] {index, site.resolve("toy/result.html"), site.resolve("toy/notebook.html")}) {
            Matcher m = Pattern.compile("(?:src|href)=\"([^\"#?]+)").matcher(Files.readString(page));
            while (m.find()) {
                String link = m.group(1);
                if (link.startsWith("data:") || link.startsWith("https://arxiv.org/")) {
                    continue;
                }
                assertFalse(link.startsWith("http") || link.startsWith("file:") || link.startsWith("/"), page + ": " + link);
                if (!link.contains("_static")) {
                    assertTrue(Files.exists(page.getParent().resolve(link)), page + " links a missing " + link);
                }
            }
        }
    }

    @Test
    void withoutResultsItSaysWhatToRun() {
        IOException e = assertThrows(IOException.class, () -> TeachingSite.write(tmp.resolve("s"), tmp, tmp));
        assertTrue(e.getMessage().contains("ci/notebooks.py run"), e.getMessage());
    }
}
