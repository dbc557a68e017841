package org.reprolab.kernel.execution;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dflib.jjava.jupyter.messages.publish.PublishStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A cell's stdout and stderr: batched into few messages, cut at the limit with the whole output in a file. */
class CellOutputTest {

    private final List<PublishStream> sent = new ArrayList<>();

    private static void print(CellOutput o, boolean stderr, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        o.write(stderr, b, 0, b.length);
    }

    private String text(PublishStream.StreamType type) {
        StringBuilder s = new StringBuilder();
        sent.stream().filter(p -> p.getStreamType() == type).forEach(p -> s.append(p.getText()));
        return s.toString();
    }

    @Test
    void linesAreBatchedNotSentOneByOne() {
        CellOutput o = new CellOutput(OutputLimit.NONE, 1, sent::add);
        for (int i = 0; i < 1000; i++) {
            print(o, false, "line " + i + "\n");
        }
        print(o, true, "warning\n");
        assertTrue(sent.isEmpty(), "nothing goes out before a flush while little waits");
        o.flush(false);
        assertEquals(2, sent.size(), "one message per stream");
        assertEquals("warning\n", text(PublishStream.StreamType.ERR));
        assertTrue(text(PublishStream.StreamType.OUT).endsWith("line 999\n"));
    }

    @Test
    void muchWaitingTextGoesOutWithoutTheTimer() {
        CellOutput o = new CellOutput(OutputLimit.NONE, 1, sent::add);
        String line = "x".repeat(99) + "\n";
        for (int i = 0; i < CellOutput.FLUSH_BYTES / line.length() + 1; i++) {
            print(o, false, line);
        }
        assertEquals(1, sent.size());
    }

    @Test
    void aCharacterSplitAcrossWritesIsNotSplitAcrossMessages() {
        CellOutput o = new CellOutput(OutputLimit.NONE, 1, sent::add);
        byte[] e = "é".getBytes(StandardCharsets.UTF_8);
        o.write(false, new byte[] {'a', e[0]}, 0, 2);
        o.flush(false);
        o.write(false, new byte[] {e[1], 'b'}, 0, 2);
        o.flush(false);
        assertEquals(List.of("a", "éb"), sent.stream().map(PublishStream::getText).toList());
        assertEquals(0, CellOutput.incompleteTail("ok€".getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void pastTheLimitTheRestGoesToAFileWithTheWholeOutput(@TempDir Path dir) throws Exception {
        CellOutput o = new CellOutput(new OutputLimit(100, dir), 7, sent::add);
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 50; i++) {
            String line = "line " + i + "\n";
            all.append(line);
            print(o, i % 10 == 9, line);
        }
        o.finish();
        String shown = text(PublishStream.StreamType.OUT) + text(PublishStream.StreamType.ERR);
        String notice = sent.get(sent.size() - 1).getText();
        assertTrue(notice.startsWith("output truncated after 13 lines; the rest is in " + dir), notice);
        assertEquals(1, sent.stream().filter(p -> p.getText().contains("truncated")).count(), "said once");
        assertTrue(shown.startsWith("line 0\n") && shown.contains("line 12\n") && !shown.contains("line 13"), shown);
        Path file = o.file();
        assertTrue(file.getFileName().toString().startsWith("cell-7-"), file.toString());
        assertEquals(all.toString(), Files.readString(file), "the file holds everything, in order");
        print(o, false, "from a thread, after the cell\n");
        o.finish();
        assertTrue(Files.readString(file).endsWith("line 49\nfrom a thread, after the cell\n"));
    }

    @Test
    void withoutALimitThereIsNoFile() {
        CellOutput o = new CellOutput(OutputLimit.NONE, 1, sent::add);
        print(o, false, "x".repeat(1000) + "\n");
        o.finish();
        assertNull(o.file());
    }
}
