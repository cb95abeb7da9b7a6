package org.fallline.evolution;

/**
 * Sees every individual that enters the analysis, during the one streamed pass over the table: after the filters,
 * the grouping and listwise deletion, with the traits in analysed units (natural logs for logged traits) and the
 * absolute fitness W. A figure or a summary can thus be made from the same pass, in bounded memory (a reservoir
 * sample, binned sums), instead of reading the file again.
 *
 * <p>Called from the reading thread, in file order. The trait array is reused for the next individual: copy what
 * must be kept.
 */
@FunctionalInterface
public interface IndividualObserver {

    /** Does nothing. */
    IndividualObserver NONE = (group, fitness, traits) -> { };

    /**
     * @param group   the group's label ({@link GroupReport#ALL} without {@code by})
     * @param fitness the absolute fitness W
     * @param traits  the traits, in the order of {@link SelectionOptions#traits()}
     */
    void individual(String group, double fitness, double[] traits);
}
