package org.reprolab.kernel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;
import org.knowm.xchart.XYChart;
import org.reprolab.report.Charts;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

class RenderersTest {

    private static Renderer renderer() {
        Renderer r = new Renderer();
        Renderers.registerAll(r);
        return r;
    }

    @Test
    void chartsArePngsWithAReadableText() {
        XYChart c = Charts.line("title", "x", "y");
        c.addSeries("s", new double[] {1, 2}, new double[] {3, 4});
        DisplayData d = renderer().render(c);
        byte[] png = Base64.getDecoder().decode((String) d.getData(MIMEType.IMAGE_PNG));
        assertEquals((byte) 0x89, png[0]);
        assertEquals("XYChart 'title' (640x420 PNG)", d.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void tablesAreHtmlWithARowLimitAndTextFallback() {
        Table t = Table.create("t", IntColumn.create("a", new int[50]));
        DisplayData d = renderer().render(t);
        String html = (String) d.getData(MIMEType.TEXT_HTML);
        assertEquals(Views.TABLE_ROWS, html.split("<tr>", -1).length - 2, "header row plus the row limit");
        assertTrue(html.contains((50 - Views.TABLE_ROWS) + " more rows of 50"), html);
        assertTrue(((String) d.getData(MIMEType.TEXT_PLAIN)).contains("more rows"));
    }

    @Test
    void imagesAndArrays() {
        DisplayData img = renderer().render(new BufferedImage(3, 2, BufferedImage.TYPE_INT_RGB));
        assertTrue(img.hasDataForType(MIMEType.IMAGE_PNG));
        assertEquals("BufferedImage 3x2", img.getData(MIMEType.TEXT_PLAIN));
        try (NDManager m = NDManager.newBaseManager()) {
            String s = (String) renderer().render(m.arange(12f).reshape(3, 4)).getData(MIMEType.TEXT_PLAIN);
            assertTrue(s.startsWith("NDArray float32 (3, 4) on cpu(): [0.0, 1.0, 2.0"), s);
            assertTrue(s.endsWith("(12 values; min 0.0, max 11.0, mean 5.500)"), s);
        }
    }

    @Test
    void progressIsOneDisplayUpdatedInPlace() throws Exception {
        List<String> events = new ArrayList<>();
        Map<Object, Object> state = new java.util.HashMap<>();
        NotebookProgress p = new NotebookProgress(() -> new NotebookProgress.Target() {
            @Override
            public Map<Object, Object> state() {
                return state;
            }

            @Override
            public void show(DisplayData data) {
                events.add("show " + data.getDisplayId());
            }

            @Override
            public void update(DisplayData data) {
                events.add("update " + data.getDisplayId());
            }
        });
        p.update("quick task", 0, 10, "", false);
        p.update("quick task", 10, 10, "", true);
        assertTrue(events.isEmpty(), "tasks shorter than the quiet period show nothing: " + events);
        p.update("training", 0, 1000, "", false);
        Thread.sleep(NotebookProgress.QUIET_MS + 20);
        for (int i = 1; i <= 1000; i++) {
            p.update("training", i, 1000, "loss 0.1", false);
        }
        p.update("training", 1000, 1000, "", true);
        assertTrue(events.get(0).startsWith("show reprolab-progress-"), events.toString());
        assertTrue(events.size() <= 3, "1000 steps in well under a second: one show, the final update: " + events);
        assertTrue(events.get(events.size() - 1).startsWith("update "), events.toString());
    }
}
