package org.reprolab.repro;

import java.util.List;

/**
 * Everything in a reproduction that differs between the quick and full profiles, as one record built from the
 * profile (nanoGPT's config, one per experiment). The stand-in sentences are generated from the record's own
 * numbers, so what the report says and what the run did cannot drift apart.
 *
 * <pre>{@code
 * record Setup(int trainImages, int epochs, int seeds) implements Settings {
 *     static Setup of(Profile p) {
 *         return p == Profile.QUICK ? new Setup(12_000, 4, 3) : new Setup(60_000, 5, 5);
 *     }
 *     public List<String> standIns() {
 *         return List.of(trainImages + " training images, " + epochs + " epochs, " + seeds + " seeds.");
 *     }
 * }
 * }</pre>
 */
public interface Settings {

    /** What stands in for the paper's setting under this profile, one sentence each, built from these values. */
    List<String> standIns();
}
