package org.reprolab.repro;

import java.util.List;
import java.util.Objects;

/**
 * What a paper is and what it claims, in one paragraph.
 *
 * @param id the paper's fixed id (as in {@code shared/papers/README.md}): CLI argument and notebook name
 * @param number its number in the list of 36 papers
 * @param title the paper's title
 * @param authors authors as printed
 * @param year publication year
 * @param venue where it appeared (or "arXiv")
 * @param arxivId arXiv identifier, or empty
 * @param summary one paragraph: what the paper claims and what we check
 * @param concept whether it is a concept notebook (a perspective paper with no number to check): it decides
 *     checks only, no claims, and is shown as "concept, no claims", never as a pass
 */
public record PaperCard(String id, int number, String title, List<String> authors, int year, String venue,
        String arxivId, String summary, boolean concept) {

    /** A paper whose claims a reproduction decides (not a concept). */
    public PaperCard(String id, int number, String title, List<String> authors, int year, String venue,
            String arxivId, String summary) {
        this(id, number, title, authors, year, venue, arxivId, summary, false);
    }

    /** Checks the fields. */
    public PaperCard {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
        authors = List.copyOf(authors);
        arxivId = arxivId == null ? "" : arxivId;
    }

    /** This card marked as a concept notebook: checks only, no claims. */
    public PaperCard asConcept() {
        return new PaperCard(id, number, title, authors, year, venue, arxivId, summary, true);
    }

    /** The paper's arXiv abstract page, or empty. */
    public String url() {
        return arxivId.isEmpty() ? "" : "https://arxiv.org/abs/" + arxivId;
    }

    /** "Klambauer et al. (2017)". */
    public String citation() {
        String first = authors.isEmpty() ? "" : authors.get(0).substring(authors.get(0).lastIndexOf(' ') + 1);
        return (authors.size() > 2 ? first + " et al." : authors.size() == 2
                ? first + " and " + authors.get(1).substring(authors.get(1).lastIndexOf(' ') + 1) : first)
                + " (" + year + ")";
    }
}
