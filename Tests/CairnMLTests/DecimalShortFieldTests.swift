import Foundation
import Testing

@testable import CairnML

/// The word-at-a-time reading of fields (whole fields of up to eight bytes, and the fraction digits of longer
/// ones) agrees with `strtod` on every shape, also when digits follow the field.
struct DecimalShortFieldTests {
    /// Every text of up to five characters over digits, sign, point and exponent characters, and random texts of six
    /// to eight.
    private static func texts() -> [String] {
        let alphabet = Array("05.-+e9")
        var texts: [String] = [""]
        var frontier = [""]
        for _ in 1...5 {
            frontier = frontier.flatMap { prefix in alphabet.map { prefix + String($0) } }
            texts += frontier
        }
        var state: UInt64 = 0x5407
        let characters = Array("0123456789.-+")
        for _ in 0..<50_000 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let length = Int(state >> 61) % 3 + 6
            texts.append(String((0..<length).map { k in characters[Int((state >> UInt64(5 * k + 8)) % 13)] }))
        }
        return texts
    }

    @Test func shortFieldsReadAsStrtodReadsThem() {
        // Given texts followed by digits that are not part of them
        var mismatches: [String] = []
        var plainDecimalsRefused: [String] = []
        let plainDecimal = /[+-]?(\d+\.?\d*|\.\d+)/
        for text in Self.texts() {
            let bytes = Array(text.utf8) + Array("98765432".utf8)
            let value = bytes.withUnsafeBufferPointer { DecimalParser.plain($0.baseAddress!, count: text.utf8.count, readable: $0.count) }
            // Then a value read is strtod's, bit for bit, over the whole text
            let reference = text.withCString { start -> Double? in
                var end: UnsafeMutablePointer<CChar>?
                let reference = strtod(start, &end)
                return end == UnsafeMutablePointer(mutating: start) + text.utf8.count && !text.isEmpty ? reference : nil
            }
            if let value, value.bitPattern != reference?.bitPattern { mismatches.append(text) }
            // And every plain decimal is read
            if value == nil, text.wholeMatch(of: plainDecimal) != nil { plainDecimalsRefused.append(text) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
        #expect(plainDecimalsRefused.isEmpty, "first refused: \(plainDecimalsRefused.prefix(5))")
    }

    @Test func longFieldsFollowedByDigitsReadAsStrtodReadsThem() {
        // Given decimals of more than 8 characters with up to 19 digits (up to 6 before the point), some with an
        // exponent, each followed by digits that are not part of it
        var state: UInt64 = 0x10A6
        func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
        var mismatches: [String] = []
        for _ in 0..<50_000 {
            let integer = String(next() % 1_000_000)
            let fraction = (0..<Int(next() % 13 + 1)).map { _ in String(next() % 10) }.joined()
            let exponent = next() % 4 == 0 ? "e-\(next() % 30)" : ""
            let text = (next() % 2 == 0 ? "-" : "") + integer + "." + fraction + exponent
            guard text.utf8.count > 8 else { continue }
            let bytes = Array(text.utf8) + Array("98765432".utf8)
            let value = bytes.withUnsafeBufferPointer { DecimalParser.plain($0.baseAddress!, count: text.utf8.count, readable: $0.count) }
            // Then the value is strtod's, bit for bit
            if value?.bitPattern != strtod(text, nil).bitPattern { mismatches.append(text) }
        }
        #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(5))")
    }
}
