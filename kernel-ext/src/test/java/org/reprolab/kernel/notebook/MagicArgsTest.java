package org.reprolab.kernel.notebook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.reprolab.kernel.execution.UsageException;

class MagicArgsTest {

    private static MagicArgs run(String... args) {
        return MagicArgs.parse("repro run", List.of(args), Set.of("profile", "seed"), Set.of("verify"));
    }

    @Test
    void optionsFlagsAndPositionals() {
        MagicArgs a = run("selu", "--profile", "full", "--seed=7", "--verify");
        assertEquals(List.of("selu"), a.positional);
        assertEquals("full", a.option("profile", "quick"));
        assertEquals(7, a.longOption("seed", 42));
        assertTrue(a.flag("verify"));
        assertEquals(42, run("selu").longOption("seed", 42));
    }

    @Test
    void everyMistakeIsOneLineNamingWhatIsValid() {
        var unknown = assertThrows(UsageException.class, () -> run("selu", "--fast"));
        assertEquals("%repro run: unknown option --fast; valid: --profile, --seed, --verify", unknown.getMessage());
        var missing = assertThrows(UsageException.class, () -> run("selu", "--seed"));
        assertEquals("%repro run: --seed needs a value", missing.getMessage());
        var notNumber = assertThrows(UsageException.class, () -> run("selu", "--seed", "x").longOption("seed", 1));
        assertEquals("%repro run: --seed must be an integer, got 'x'", notNumber.getMessage());
        var flagValue = assertThrows(UsageException.class, () -> run("selu", "--verify=yes"));
        assertEquals("%repro run: --verify takes no value", flagValue.getMessage());
        var count = assertThrows(UsageException.class, () -> run().expect(1, 1, "ID"));
        assertEquals("%repro run: usage: %repro run ID", count.getMessage());
    }
}
