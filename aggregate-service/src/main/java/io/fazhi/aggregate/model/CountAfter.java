package io.fazhi.aggregate.model;

/**
 * A reference count after a change: {@code created} when the row did not exist before. A count that reached zero
 * (or less) means the key no longer counts; a created row with a positive count means it counts anew.
 */
public record CountAfter<K>(K key, int count, boolean created) {
    /** +1 when the key starts to count, -1 when it stops, else 0. */
    public int distinctChange() {
        if (created) {
            return count > 0 ? 1 : 0;
        }
        return count > 0 ? 0 : -1;
    }
}
