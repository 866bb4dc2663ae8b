package uz.qaror;

/**
 * How large an application may be before the engine refuses to read it: a {@link Failure} of kind
 * {@link Failure.Kind#LIMIT_EXCEEDED} naming the limit and the place, never a long pause or an exhausted heap.
 * The limits apply to every entry ({@code evaluate} of text, bytes and trees alike). The defaults are generous for
 * a real application (a few kilobytes, nesting four deep) and small enough that one hostile record costs
 * milliseconds:
 *
 * <table>
 *   <caption>Defaults</caption>
 *   <tr><th>limit</th><th>default</th></tr>
 *   <tr><td>{@link #maxBytes()}</td><td>65,536 bytes of UTF-8 per application</td></tr>
 *   <tr><td>{@link #maxDepth()}</td><td>16 levels of nested objects and arrays</td></tr>
 *   <tr><td>{@link #maxStringLength()}</td><td>1,000 characters per string or field name</td></tr>
 *   <tr><td>{@link #maxNumberLength()}</td><td>32 characters per number as written</td></tr>
 *   <tr><td>{@link #maxMembers()}</td><td>50 household members</td></tr>
 *   <tr><td>{@link #maxDocuments()}</td><td>50 documents</td></tr>
 *   <tr><td>{@link #maxVehicles()}</td><td>20 vehicles</td></tr>
 *   <tr><td>{@link #maxProperties()}</td><td>20 properties</td></tr>
 * </table>
 *
 * <p>Any other array (there is none in a valid application) may hold as many items as the largest of the four.
 * Values within the limits are then validated: numbers beyond 10<sup>15</sup> or with more than 6 decimals,
 * control characters and implausible dates are {@link Failure.Kind#INVALID_FIELD} (see the README).
 *
 * <pre>{@code
 * DecisionEngine engine = DecisionEngine.builder()
 *         .inputLimits(InputLimits.builder().maxMembers(100).build())
 *         .build();
 * }</pre>
 *
 * <p>Immutable: one instance may serve any number of engines and threads.
 */
public final class InputLimits {

    private static final InputLimits DEFAULTS = new Builder().build();

    private final int maxBytes;
    private final int maxDepth;
    private final int maxStringLength;
    private final int maxNumberLength;
    private final int maxMembers;
    private final int maxDocuments;
    private final int maxVehicles;
    private final int maxProperties;

    private InputLimits(Builder builder) {
        this.maxBytes = builder.maxBytes;
        this.maxDepth = builder.maxDepth;
        this.maxStringLength = builder.maxStringLength;
        this.maxNumberLength = builder.maxNumberLength;
        this.maxMembers = builder.maxMembers;
        this.maxDocuments = builder.maxDocuments;
        this.maxVehicles = builder.maxVehicles;
        this.maxProperties = builder.maxProperties;
    }

    /** {@return the default limits (see the table above)} */
    public static InputLimits defaults() {
        return DEFAULTS;
    }

    /** {@return a builder starting from the defaults} */
    public static Builder builder() {
        return new Builder();
    }

    /** {@return a builder starting from these limits} */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** {@return the most bytes of UTF-8 one application may take (for a tree: the size of its JSON, estimated)} */
    public int maxBytes() {
        return maxBytes;
    }

    /** {@return the deepest nesting of objects and arrays; the application object itself is level 1} */
    public int maxDepth() {
        return maxDepth;
    }

    /** {@return the longest string value or field name, in characters (UTF-16 units)} */
    public int maxStringLength() {
        return maxStringLength;
    }

    /** {@return the longest number, in characters as written ({@code 1e5} is 3)} */
    public int maxNumberLength() {
        return maxNumberLength;
    }

    /** {@return the most household members ({@code household.members})} */
    public int maxMembers() {
        return maxMembers;
    }

    /** {@return the most documents ({@code documents})} */
    public int maxDocuments() {
        return maxDocuments;
    }

    /** {@return the most vehicles ({@code household.vehicles})} */
    public int maxVehicles() {
        return maxVehicles;
    }

    /** {@return the most properties ({@code household.properties})} */
    public int maxProperties() {
        return maxProperties;
    }

    /** {@return the most items of any array that has no limit of its own: the largest of the four array limits} */
    public int maxOtherArrayItems() {
        return Math.max(Math.max(maxMembers, maxDocuments), Math.max(maxVehicles, maxProperties));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof InputLimits that && maxBytes == that.maxBytes && maxDepth == that.maxDepth
                && maxStringLength == that.maxStringLength && maxNumberLength == that.maxNumberLength
                && maxMembers == that.maxMembers && maxDocuments == that.maxDocuments
                && maxVehicles == that.maxVehicles && maxProperties == that.maxProperties;
    }

    @Override
    public int hashCode() {
        // Without Objects.hash's array and boxes: a batch looks its reader up by the limits for every record.
        int hash = 31 * maxBytes + maxDepth;
        hash = 31 * hash + maxStringLength;
        hash = 31 * hash + maxNumberLength;
        hash = 31 * hash + maxMembers;
        hash = 31 * hash + maxDocuments;
        hash = 31 * hash + maxVehicles;
        return 31 * hash + maxProperties;
    }

    @Override
    public String toString() {
        return "InputLimits[maxBytes=" + maxBytes + ", maxDepth=" + maxDepth + ", maxStringLength="
                + maxStringLength + ", maxNumberLength=" + maxNumberLength + ", maxMembers=" + maxMembers
                + ", maxDocuments=" + maxDocuments + ", maxVehicles=" + maxVehicles + ", maxProperties="
                + maxProperties + "]";
    }

    /** Builds {@link InputLimits}; every limit must be positive. Not thread-safe; the limits it builds are. */
    public static final class Builder {
        private int maxBytes = 65_536;
        private int maxDepth = 16;
        private int maxStringLength = 1_000;
        private int maxNumberLength = 32;
        private int maxMembers = 50;
        private int maxDocuments = 50;
        private int maxVehicles = 20;
        private int maxProperties = 20;

        private Builder() {
        }

        private Builder(InputLimits limits) {
            maxBytes = limits.maxBytes;
            maxDepth = limits.maxDepth;
            maxStringLength = limits.maxStringLength;
            maxNumberLength = limits.maxNumberLength;
            maxMembers = limits.maxMembers;
            maxDocuments = limits.maxDocuments;
            maxVehicles = limits.maxVehicles;
            maxProperties = limits.maxProperties;
        }

        /**
         * Sets {@link InputLimits#maxBytes()}.
         *
         * @param bytes the most bytes of UTF-8, positive
         * @return this builder
         * @throws IllegalArgumentException when {@code bytes} is not positive
         */
        public Builder maxBytes(int bytes) {
            this.maxBytes = positive(bytes, "maxBytes");
            return this;
        }

        /**
         * Sets {@link InputLimits#maxDepth()}.
         *
         * @param depth the deepest nesting, at least 4 (the depth of a valid application)
         * @return this builder
         * @throws IllegalArgumentException when {@code depth} is less than 4
         */
        public Builder maxDepth(int depth) {
            if (depth < 4) {
                throw new IllegalArgumentException("maxDepth must be at least 4 (a valid application nests 4 "
                        + "deep: household.members[i].birthDate), got " + depth);
            }
            this.maxDepth = depth;
            return this;
        }

        /**
         * Sets {@link InputLimits#maxStringLength()}.
         *
         * @param characters the longest string or field name, in UTF-16 units, positive
         * @return this builder
         * @throws IllegalArgumentException when {@code characters} is not positive
         */
        public Builder maxStringLength(int characters) {
            this.maxStringLength = positive(characters, "maxStringLength");
            return this;
        }

        /**
         * Sets {@link InputLimits#maxNumberLength()}.
         *
         * @param characters the longest number, in characters as written, positive
         * @return this builder
         * @throws IllegalArgumentException when {@code characters} is not positive
         */
        public Builder maxNumberLength(int characters) {
            this.maxNumberLength = positive(characters, "maxNumberLength");
            return this;
        }

        /**
         * Sets {@link InputLimits#maxMembers()}.
         *
         * @param members the most household members, positive
         * @return this builder
         * @throws IllegalArgumentException when {@code members} is not positive
         */
        public Builder maxMembers(int members) {
            this.maxMembers = positive(members, "maxMembers");
            return this;
        }

        /**
         * Sets {@link InputLimits#maxDocuments()}.
         *
         * @param documents the most documents, positive
         * @return this builder
         * @throws IllegalArgumentException when {@code documents} is not positive
         */
        public Builder maxDocuments(int documents) {
            this.maxDocuments = positive(documents, "maxDocuments");
            return this;
        }

        /**
         * Sets {@link InputLimits#maxVehicles()}.
         *
         * @param vehicles the most vehicles, positive
         * @return this builder
         * @throws IllegalArgumentException when {@code vehicles} is not positive
         */
        public Builder maxVehicles(int vehicles) {
            this.maxVehicles = positive(vehicles, "maxVehicles");
            return this;
        }

        /**
         * Sets {@link InputLimits#maxProperties()}.
         *
         * @param properties the most properties, positive
         * @return this builder
         * @throws IllegalArgumentException when {@code properties} is not positive
         */
        public Builder maxProperties(int properties) {
            this.maxProperties = positive(properties, "maxProperties");
            return this;
        }

        /** {@return the limits as set} */
        public InputLimits build() {
            return new InputLimits(this);
        }

        private static int positive(int value, String name) {
            if (value <= 0) {
                throw new IllegalArgumentException(name + " must be positive, got " + value);
            }
            return value;
        }
    }
}
