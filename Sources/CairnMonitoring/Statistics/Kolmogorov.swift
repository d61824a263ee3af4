import Foundation

/// The distribution of the one-sample two-sided Kolmogorov statistic D_n, with the algorithm choice of scipy's
/// `kstwo.sf` (`scipy/stats/_ksstats.py`): Ruben–Gambino at the ends, Durbin's matrix (Marsaglia–Tsang–Wang),
/// Pomeranz's recursion, twice the one-sided Smirnov tail, or the Pelz–Good expansion.
enum Kolmogorov {
    private static let scale = 0x1p128
    private static let stirling = [
        -2.955065359477124183e-2, 6.4102564102564102564e-3, -1.9175269175269175269e-3, 8.4175084175084175084e-4,
        -5.952380952380952381e-4, 7.9365079365079365079e-4, -2.7777777777777777778e-3, 8.3333333333333333333e-2,
    ]

    /// P(D_n ≥ x).
    static func survival(n: Int, x: Double) -> Double {
        guard n > 0 else { return .nan }
        if x >= 1 { return 0 }
        if x <= 0 { return 1 }
        let nd = Double(n)
        let t = nd * x
        if t <= 1 {
            if t <= 0.5 { return 1 }
            let cdf: Double
            if n <= 140 {
                cdf = (1...n).reduce(1.0) { $0 * (Double($1) * (1 / nd) * (2 * t - 1)) }
            } else {
                cdf = exp(logFactorialOverPower(nd) + nd * log(2 * t - 1))
            }
            return clip(1 - cdf)
        }
        if t >= nd - 1 { return clip(2 * pow(1 - x, nd)) }
        if x >= 0.5 { return clip(2 * smirnov(n: n, x: x)) }
        let nxSquared = t * x
        if n <= 140 {
            if nxSquared <= 0.754693 { return clip(1 - durbinMatrix(n: n, d: x)) }
            if nxSquared <= 4 { return clip(1 - pomeranz(n: n, x: x)) }
            return clip(2 * smirnov(n: n, x: x))
        }
        if nxSquared >= 370 { return 0 }
        if nxSquared >= 2.2 { return clip(2 * smirnov(n: n, x: x)) }
        let cdf: Double
        if nxSquared >= 18 {
            cdf = 1
        } else if n <= 100_000 && nd * pow(x, 1.5) <= 1.4 {
            cdf = durbinMatrix(n: n, d: x)
        } else {
            cdf = pelzGood(n: n, x: x)
        }
        return clip(1 - cdf)
    }

    private static func clip(_ p: Double) -> Double { min(max(p, 0), 1) }

    /// log(n!/n^n) by Stirling's series.
    private static func logFactorialOverPower(_ n: Double) -> Double {
        let rn = 1 / n
        let poly = stirling.reduce(0.0) { $0 * (rn / n) + $1 }
        return log(n) / 2 - n + log(2 * Double.pi) / 2 + rn * poly
    }

    /// The one-sided tail P(D⁺_n ≥ x) by the Birnbaum–Tingey sum, each term in logarithms.
    static func smirnov(n: Int, x: Double) -> Double {
        let nd = Double(n)
        let last = Int((nd * (1 - x)).rounded(.down))
        let logNFactorial = Distributions.logGamma(nd + 1)
        var sum = 0.0
        for v in 0...max(last, 0) {
            let e = x + Double(v) / nd
            let rest = 1 - e
            if rest <= 0 {
                if v == n { sum += pow(e, Double(v - 1)) }
                continue
            }
            let logTerm = logNFactorial - Distributions.logGamma(Double(v) + 1) - Distributions.logGamma(nd - Double(v) + 1)
                + Double(v - 1) * log(e) + (nd - Double(v)) * log(rest)
            sum += exp(logTerm)
        }
        return sum * x
    }

    /// P(D_n < d) by Durbin's matrix method with Marsaglia–Tsang–Wang scaling.
    static func durbinMatrix(n: Int, d: Double) -> Double {
        if d >= 1 { return 1 }
        let nd = Double(n) * d
        if nd <= 0.5 { return 0 }
        let k = Int(nd.rounded(.up))
        let h = Double(k) - nd
        let m = 2 * k - 1
        var v = (1...m).map { 1 - pow(h, Double($0)) }
        var w = [Double](repeating: 0, count: m)
        var factor = 1.0
        for j in 1...m {
            w[j - 1] = factor
            factor /= Double(j)
            v[j - 1] *= factor
        }
        let tt = pow(max(2 * h - 1, 0), Double(m)) - 2 * pow(h, Double(m))
        v[m - 1] = (1 + tt) * factor
        var matrix = [Double](repeating: 0, count: m * m)
        for i in 1..<m {
            for row in (i - 1)..<m { matrix[row * m + i] = w[row - (i - 1)] }
        }
        for row in 0..<m { matrix[row * m] = v[row] }
        for column in 0..<m { matrix[(m - 1) * m + column] = v[m - 1 - column] }
        var power = [Double](repeating: 0, count: m * m)
        for i in 0..<m { power[i * m + i] = 1 }
        var remaining = n
        var exponent = 0
        var matrixExponent = 0
        while remaining > 0 {
            if remaining % 2 == 1 {
                power = multiply(power, matrix, m)
                exponent += matrixExponent
            }
            matrix = multiply(matrix, matrix, m)
            matrixExponent *= 2
            if abs(matrix[(k - 1) * m + (k - 1)]) > scale {
                for i in matrix.indices { matrix[i] /= scale }
                matrixExponent += 128
            }
            remaining /= 2
        }
        var p = power[(k - 1) * m + (k - 1)]
        for i in 1...n {
            p = Double(i) * p / Double(n)
            if abs(p) < 1 / scale {
                p *= scale
                exponent -= 128
            }
        }
        return min(max(exponent != 0 ? scalbn(p, exponent) : p, 0), 1)
    }

    private static func multiply(_ a: [Double], _ b: [Double], _ m: Int) -> [Double] {
        var c = [Double](repeating: 0, count: m * m)
        for i in 0..<m {
            for k in 0..<m where a[i * m + k] != 0 {
                let aik = a[i * m + k]
                for j in 0..<m { c[i * m + j] += aik * b[k * m + j] }
            }
        }
        return c
    }

    private static func pomeranzBounds(_ i: Int, _ n: Int, _ ll: Int, _ ceilf: Int, _ roundf: Int) -> (Int, Int) {
        var j1: Int
        var j2: Int
        if i == 0 {
            (j1, j2) = (-ll - ceilf - 1, ll + ceilf - 1)
        } else {
            let half = (i + 1) / 2
            if (i + 1) % 2 == 0 {
                if half == n + 1 {
                    (j1, j2) = (n - ll - ceilf - 1, n + ll + ceilf - 1)
                } else {
                    (j1, j2) = (half - 1 - ll - roundf - 1, half + ll - 1 + ceilf - 1)
                }
            } else {
                (j1, j2) = (half - 1 - ll - 1, half + ll + roundf - 1)
            }
        }
        return (max(j1 + 2, 0), min(j2, n))
    }

    /// P(D_n < x) by Pomeranz's recursion.
    static func pomeranz(n: Int, x: Double) -> Double {
        let t = Double(n) * x
        let ll = Int(t.rounded(.down))
        let f = t - Double(ll)
        let g = min(f, 1 - f)
        let ceilf = f > 0 ? 1 : 0
        let roundf = f > 0.5 ? 1 : 0
        let count = 2 * (ll + 1)
        var gPower = [Double](repeating: 1, count: count)
        var twoGPower = gPower
        var oneMinusTwoGPower = gPower
        var exponent = 0
        let nd = Double(n)
        for m in 1..<count {
            gPower[m] = gPower[m - 1] * (g / nd) / Double(m)
            twoGPower[m] = twoGPower[m - 1] * (2 * g / nd) / Double(m)
            oneMinusTwoGPower[m] = oneMinusTwoGPower[m - 1] * ((1 - 2 * g) / nd) / Double(m)
        }
        var v0 = [Double](repeating: 0, count: count)
        var v1 = [Double](repeating: 0, count: count)
        v1[0] = 1
        var v0s = 0
        var v1s = 0
        var (j1, j2) = pomeranzBounds(0, n, ll, ceilf, roundf)
        for i in 1..<(2 * n + 2) {
            let k1 = j1
            swap(&v0, &v1)
            swap(&v0s, &v1s)
            for index in v1.indices { v1[index] = 0 }
            (j1, j2) = pomeranzBounds(i, n, ll, ceilf, roundf)
            let powers = (i == 1 || i == 2 * n + 1) ? gPower : (i % 2 == 1 ? twoGPower : oneMinusTwoGPower)
            let length = j2 - k1 + 1
            if length > 0 {
                let start = j1 - k1
                let used = j2 - j1 + 1
                for out in 0..<used {
                    let c = start + out
                    var sum = 0.0
                    for a in max(0, c - (length - 1))...min(c, length - 1) {
                        let index = k1 - v0s + a
                        if index >= 0, index < count, c - a < count { sum += v0[index] * powers[c - a] }
                    }
                    v1[out] = sum
                }
                let top = v1.max() ?? 0
                if top > 0, top < 1 / scale {
                    for index in v1.indices { v1[index] *= scale }
                    exponent -= 128
                }
                v1s = v0s + j1 - k1
            }
        }
        var answer = v1[n - v1s]
        for m in 1...n {
            if abs(answer) > scale {
                answer /= scale
                exponent += 128
            }
            answer *= Double(m)
        }
        if exponent != 0 { answer = scalbn(answer, exponent) }
        return min(max(answer, 0), 1)
    }

    /// P(D_n < x) by the Pelz–Good asymptotic expansion.
    static func pelzGood(n: Int, x: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let z = Double(n).squareRoot() * x
        let z2 = z * z
        let z3 = z2 * z
        let z4 = z2 * z2
        let z6 = z4 * z2
        let pi2 = Double.pi * Double.pi
        let pi4 = pi2 * pi2
        let pi6 = pi4 * pi2
        let qlog = -pi2 / 8 / z2
        if qlog < -708 { return 0 }
        var q = exp(qlog)
        let k1a = -z2
        let k1b = pi2 / 4
        let k2a = 6 * z6 + 2 * z4
        let k2b = (2 * z4 - 5 * z2) * pi2 / 4
        let k2c = pi4 * (1 - 2 * z2) / 16
        let k3d = pi6 * (5 - 30 * z2) / 64
        let k3c = pi4 * (-60 * z2 + 212 * z4) / 16
        let k3b = pi2 * (135 * z4 - 96 * z6) / 4
        let k3a = -30 * z6 - 90 * pow(z, 8)
        var terms = [0.0, 0.0, 0.0, 0.0]
        let maxk = Int((16 * z / Double.pi).rounded(.up))
        for k in stride(from: maxk, to: 0, by: -1) {
            let m = Double(2 * k - 1)
            let m2 = m * m
            let m4 = m2 * m2
            let m6 = m4 * m2
            let qPower = pow(q, Double(8 * k))
            let coefficients = [1.0, k1a + k1b * m2, k2a + k2b * m2 + k2c * m4, k3a + k3b * m2 + k3c * m4 + k3d * m6]
            for i in 0..<4 { terms[i] = terms[i] * qPower + coefficients[i] }
        }
        let root2pi = (2 * Double.pi).squareRoot()
        let divisors = [z, 6 * z4, 72 * pow(z, 7), 6480 * pow(z, 10)]
        for i in 0..<4 { terms[i] = terms[i] * q * root2pi / divisors[i] }
        q = exp(-pi2 / 2 / z2)
        var k2extra = 0.0
        var k3extra = 0.0
        let root3z = 3.0.squareRoot() * z
        for k in stride(from: maxk, to: 0, by: -1) {
            let k2 = Double(k * k)
            let qPower = pow(q, k2)
            k2extra += k2 * qPower
            let kpi = Double.pi * Double(k)
            k3extra += (root3z + kpi) * (root3z - kpi) * k2 * qPower
        }
        terms[2] += k2extra * pi2 * root2pi / (-36 * z3)
        terms[3] += k3extra * pi2 * root2pi / (216 * z6)
        for i in 0..<4 { terms[i] /= pow(Double(n), Double(i) / 2) }
        return terms.reduce(0, +)
    }
}
