extension KeyedDecodingContainer {
    /// The array of numbers at `key`, decoded element by element through the container's `Double` overload:
    /// `[Double]`'s own `Decodable` conformance goes through the generic path for every element, which makes
    /// decoding a profile's samples several times slower.
    func decodeNumbers(forKey key: Key) throws -> [Double] {
        var array = try nestedUnkeyedContainer(forKey: key)
        var numbers = [Double]()
        numbers.reserveCapacity(array.count ?? 0)
        while !array.isAtEnd { numbers.append(try array.decode(Double.self)) }
        return numbers
    }
}
