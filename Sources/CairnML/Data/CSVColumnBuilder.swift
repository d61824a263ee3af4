/// One column's values in one chunk of a CSV input, parsed as they are read, in the narrowest kind so far.
///
/// A column that has only seen missing values takes the kind of its first present value; whole numbers widen to
/// numbers in place; any other widening sets ``needsText``, and the chunk is read again with the column as text.
/// Text is dictionary-encoded as it is read, with codes local to the chunk.
struct CSVColumnBuilder: Sendable {
    private(set) var kind: CSVKind
    /// Whether a present (not missing) value has been read.
    private(set) var hasPresentValue = false
    /// Whether a value was found that only text holds while the column held another kind.
    private(set) var needsText = false
    /// The number of values read.
    private(set) var count = 0
    private(set) var ints: [Int?] = []
    /// Rows of `ints` whose text was a negative zero, which stays negative if the column widens to numbers.
    private var negativeZeroRows: [Int] = []
    private(set) var doubles: [Double] = []
    private(set) var bools: [Bool?] = []
    /// Codes into `levels` of a text column; -1 marks a missing value.
    private(set) var codes: [Int32] = []
    /// The distinct texts of a text column, in order of first appearance in the chunk.
    private(set) var levels = CSVLevelIndex()
    /// Whether one trailing `.` is dropped from texts.
    private let stripTrailingPeriod: Bool
    /// Where a number column writes its values in the final column, while they fit and the column stays numbers.
    private var numberSlot: CSVSlot<Double>?
    /// Where an integer column writes its values in the final column, while they fit and the column stays integers.
    private var integerSlot: CSVSlot<Int?>?
    /// The capacity of the slot in use, or 0 once the values are in `doubles` or `ints`.
    private var slotCapacity = 0

    /// An empty column of `kind`, with room for `capacity` values, or writing into `slot` if it is of the same kind.
    init(kind: CSVKind, capacity: Int, slot: CSVColumnSlot? = nil, stripTrailingPeriod: Bool) {
        self.kind = kind
        self.stripTrailingPeriod = stripTrailingPeriod
        switch (kind, slot) {
        case (.double, .numbers(let slot)?):
            numberSlot = slot
            slotCapacity = slot.capacity
        case (.int, .integers(let slot)?):
            integerSlot = slot
            slotCapacity = slot.capacity
        default:
            reserve(capacity)
        }
    }

    /// Whether the values are in the slot the column was made with (rather than in ``doubles`` or ``ints``).
    var isInSlot: Bool { slotCapacity > 0 }

    private mutating func reserve(_ capacity: Int) {
        switch kind {
        case .int: ints.reserveCapacity(capacity)
        case .double: doubles.reserveCapacity(capacity)
        case .bool: bools.reserveCapacity(capacity)
        case .text: codes.reserveCapacity(capacity)
        }
    }

    /// Appends a missing value.
    @inline(__always)
    mutating func appendMissing() {
        switch kind {
        case .int: appendInteger(nil)
        case .double: appendNumber(.nan)
        case .bool: bools.append(nil)
        case .text: codes.append(-1)
        }
        count &+= 1
    }

    /// Appends the present value whose bytes are `field`.
    @inline(__always)
    mutating func append(_ field: UnsafeBufferPointer<UInt8>) {
        switch kind {
        case .double:
            if let value = DecimalParser.parse(field) {
                appendNumber(value)
                return accepted()
            }
        case .int:
            if let value = CSVValueParser.int(field) {
                if value == 0, field[0] == UInt8(ascii: "-") { negativeZeroRows.append(count) }
                appendInteger(value)
                return accepted()
            }
        case .bool:
            if let value = CSVValueParser.bool(field) {
                bools.append(value)
                return accepted()
            }
        case .text:
            let text = stripTrailingPeriod && field.last == UInt8(ascii: ".") ? UnsafeBufferPointer(rebasing: field.dropLast()) : field
            codes.append(levels.code(for: text))
            return accepted()
        }
        widen(for: field)
    }

    /// Appends a number to a number column.
    @inline(__always)
    mutating func append(_ value: Double) {
        appendNumber(value)
        accepted()
    }

    @inline(__always)
    private mutating func appendNumber(_ value: Double) {
        if count < slotCapacity {
            numberSlot.unsafelyUnwrapped.base[count] = value
        } else {
            if slotCapacity > 0 { leaveSlot() }
            doubles.append(value)
        }
    }

    @inline(__always)
    private mutating func appendInteger(_ value: Int?) {
        if count < slotCapacity {
            integerSlot.unsafelyUnwrapped.base[count] = value
        } else {
            if slotCapacity > 0 { leaveSlot() }
            ints.append(value)
        }
    }

    /// Moves the values out of the slot (full, or about to change kind) into `doubles` or `ints`.
    private mutating func leaveSlot() {
        if let slot = numberSlot {
            doubles.reserveCapacity(count * 2)
            doubles.append(contentsOf: slot.prefix(count))
        }
        if let slot = integerSlot {
            ints.reserveCapacity(count * 2)
            ints.append(contentsOf: slot.prefix(count))
        }
        numberSlot = nil
        integerSlot = nil
        slotCapacity = 0
    }

    @inline(__always)
    private mutating func accepted() {
        count &+= 1
        hasPresentValue = true
    }

    /// Changes the kind to hold a value the current kind refuses, then appends it.
    private mutating func widen(for field: UnsafeBufferPointer<UInt8>) {
        let valueKind = CSVKind.of(field)
        if !hasPresentValue {
            let missing = count
            self = CSVColumnBuilder(
                kind: valueKind, capacity: Swift.max(ints.capacity, doubles.capacity, bools.capacity, codes.capacity),
                stripTrailingPeriod: stripTrailingPeriod)
            for _ in 0..<missing { appendMissing() }
        } else if kind == .int && valueKind == .double {
            if isInSlot { leaveSlot() }
            doubles = numbers()
            ints = []
            kind = .double
        } else {
            needsText = true
            kind = .text
            slotCapacity = 0
        }
        append(field)
    }

    /// The values as numbers (integers converted exactly as `strtod` reads their text), for an integer or number
    /// column not in a slot.
    private func numbers() -> [Double] {
        guard kind == .int else { return doubles }
        return numbers(fromIntegers: ints)
    }

    /// `integers`, this integer column's values, as numbers converted exactly as `strtod` reads their text.
    func numbers(fromIntegers integers: some Collection<Int?>) -> [Double] {
        var values = integers.map { $0.map(Double.init) ?? .nan }
        for row in negativeZeroRows { values[row] = -0.0 }
        return values
    }
}

extension CSVColumnBuilder {
    /// The values as integers, for an integer column or one without present values, not in a slot.
    func intValues() -> [Int?] {
        assert(!isInSlot, "a slot's values are read from the final column")
        return kind == .int ? ints : Array(repeating: nil, count: count)
    }

    /// The values as numbers, for a number or integer column or one without present values, not in a slot.
    func doubleValues() -> [Double] {
        assert(!isInSlot, "a slot's values are read from the final column")
        return switch kind {
        case .double: doubles
        case .int: numbers()
        case .bool, .text: Array(repeating: .nan, count: count)
        }
    }

    /// The values as booleans, for a boolean column or one without present values.
    func boolValues() -> [Bool?] { kind == .bool ? bools : Array(repeating: nil, count: count) }
}
