import Foundation

/// Turns one column of tokenized fields into a typed ``Column``.
struct CSVColumnConverter: Sendable {
    private let naValues: [[UInt8]]
    private let longestNAValue: Int
    private let stripTrailingPeriod: Bool
    private let categoricalColumns: Set<String>

    init(options: CSVOptions) {
        naValues = options.naValues.map { Array($0.utf8) }
        longestNAValue = naValues.map(\.count).max() ?? -1
        stripTrailingPeriod = options.stripTrailingPeriod
        categoricalColumns = options.categoricalColumns
    }

    /// The column `column` of the records of `parts`, in order, of the narrowest kind that holds every present value.
    func convert(_ parts: [CSVFields], column: Int, name: String) -> Column {
        var ints = [Int?]()
        var doubles = [Double]()
        var isInt = !categoricalColumns.contains(name)
        var isDouble = isInt
        var bools = [Bool?]()
        var isBool = isInt
        for fields in parts where isInt || isDouble || isBool {
            fields.content.withUnsafeBufferPointer { content in
                for row in 0..<fields.rowCount where isInt || isDouble || isBool {
                    let field = UnsafeBufferPointer(rebasing: content[fields.range(row: row, column: column)])
                    if isMissing(field) {
                        if isInt { ints.append(nil) }
                        if isDouble { doubles.append(.nan) }
                        if isBool { bools.append(nil) }
                        continue
                    }
                    if isInt {
                        if let value = Self.parseInt(field) { ints.append(value) } else { isInt = false }
                    }
                    if isDouble {
                        if let value = DecimalParser.parse(field) { doubles.append(value) } else { isDouble = false }
                    }
                    if isBool {
                        if let value = Self.parseBool(field) { bools.append(value) } else { isBool = false }
                    }
                }
            }
        }
        if isInt { return Column(name: name, values: .int(ints)) }
        if isDouble { return Column(name: name, values: .double(doubles)) }
        if isBool { return Column(name: name, values: .bool(bools)) }
        return categorical(parts, column: column, name: name)
    }

    private func categorical(_ parts: [CSVFields], column: Int, name: String) -> Column {
        var index: [String: Int32] = [:]
        var levels: [String] = []
        var codes = [Int32]()
        codes.reserveCapacity(parts.reduce(0) { $0 + $1.rowCount })
        for fields in parts {
            fields.content.withUnsafeBufferPointer { content in
                for row in 0..<fields.rowCount {
                    var field = UnsafeBufferPointer(rebasing: content[fields.range(row: row, column: column)])
                    if isMissing(field) {
                        codes.append(-1)
                        continue
                    }
                    if stripTrailingPeriod, field.last == UInt8(ascii: ".") {
                        field = UnsafeBufferPointer(rebasing: field.dropLast())
                    }
                    let text = String(decoding: field, as: UTF8.self)
                    if let code = index[text] {
                        codes.append(code)
                    } else {
                        let code = Int32(levels.count)
                        index[text] = code
                        levels.append(text)
                        codes.append(code)
                    }
                }
            }
        }
        return Column(name: name, values: .categorical(codes: codes, levels: levels))
    }

    private func isMissing(_ field: UnsafeBufferPointer<UInt8>) -> Bool {
        field.count <= longestNAValue && naValues.contains { $0.count == field.count && $0.elementsEqual(field) }
    }

    /// A decimal integer with an optional sign and at most 18 digits.
    static func parseInt(_ field: UnsafeBufferPointer<UInt8>) -> Int? {
        var i = 0
        var negative = false
        if let first = field.first, first == UInt8(ascii: "-") || first == UInt8(ascii: "+") {
            negative = first == UInt8(ascii: "-")
            i = 1
        }
        guard field.count > i, field.count - i <= 18 else { return nil }
        var value = 0
        while i < field.count {
            let digit = Int(field[i]) - 48
            guard digit >= 0, digit <= 9 else { return nil }
            value = value * 10 + digit
            i += 1
        }
        return negative ? -value : value
    }

    /// `true` or `false` in any letter case.
    static func parseBool(_ field: UnsafeBufferPointer<UInt8>) -> Bool? {
        switch String(decoding: field, as: UTF8.self).lowercased() {
        case "true": true
        case "false": false
        default: nil
        }
    }
}
