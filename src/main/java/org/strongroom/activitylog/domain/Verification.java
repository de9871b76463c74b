package org.strongroom.activitylog.domain;

/**
 * The outcome of a chain check: intact, or what was found and the first record it concerns.
 *
 * @param records             how many records were checked
 * @param firstBrokenSequence the first record altered, out of place or missing; {@code null}
 *                            when intact, or when what was found concerns no record (a forged written head)
 * @param finding             what was found, in plain words; {@code null} when intact
 */
public record Verification(boolean intact, long records, Long firstBrokenSequence, String finding) {

    public static Verification intact(long records) {
        return new Verification(true, records, null, null);
    }

    public static Verification broken(long records, Long firstBrokenSequence, String finding) {
        return new Verification(false, records, firstBrokenSequence, finding);
    }
}
