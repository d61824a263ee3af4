import Foundation

/// The distribution functions the p-value tests need, computed as scipy's `special` module (Cephes) does.
enum Distributions {
    private static let machineEpsilon = 1.11022302462515654042e-16
    private static let maxLog = 7.09782712893383996843e2
    private static let big = 4.503599627370496e15
    private static let bigInverse = 2.22044604925031308085e-16

    /// The survival function of the chi-squared distribution with `degrees` degrees of freedom
    /// (`scipy.stats.chi2.sf`).
    static func chiSquaredSurvival(_ x: Double, degrees: Double) -> Double {
        if x.isNaN || degrees <= 0 { return .nan }
        if x <= 0 { return 1 }
        return upperRegularizedGamma(degrees / 2, x / 2)
    }

    /// The standard normal cumulative distribution function (`scipy.special.ndtr`).
    static func normalCDF(_ a: Double) -> Double {
        let x = a * 0.5.squareRoot()
        let z = abs(x)
        if z < 0.5.squareRoot() { return 0.5 + 0.5 * erf(x) }
        let y = 0.5 * erfc(z)
        return x > 0 ? 1 - y : y
    }

    /// log Γ(x).
    static func logGamma(_ x: Double) -> Double {
        let value: Double = lgamma(x)
        return value
    }

    /// The regularized upper incomplete gamma function Q(a, x) (Cephes `igamc`).
    static func upperRegularizedGamma(_ a: Double, _ x: Double) -> Double {
        if x.isInfinite { return 0 }
        if x < 1 || x < a { return 1 - lowerRegularizedGamma(a, x) }
        var ax = a * log(x) - x - Distributions.logGamma(a)
        if ax < -maxLog { return 0 }
        ax = exp(ax)
        var y = 1 - a
        var z = x + y + 1
        var c = 0.0
        var pkm2 = 1.0
        var qkm2 = x
        var pkm1 = x + 1
        var qkm1 = z * x
        var answer = pkm1 / qkm1
        var t: Double
        repeat {
            c += 1
            y += 1
            z += 2
            let yc = y * c
            let pk = pkm1 * z - pkm2 * yc
            let qk = qkm1 * z - qkm2 * yc
            if qk != 0 {
                let r = pk / qk
                t = abs((answer - r) / r)
                answer = r
            } else {
                t = 1
            }
            pkm2 = pkm1
            pkm1 = pk
            qkm2 = qkm1
            qkm1 = qk
            if abs(pk) > big {
                pkm2 *= bigInverse
                pkm1 *= bigInverse
                qkm2 *= bigInverse
                qkm1 *= bigInverse
            }
        } while t > machineEpsilon
        return answer * ax
    }

    /// The regularized lower incomplete gamma function P(a, x) (Cephes `igam`).
    static func lowerRegularizedGamma(_ a: Double, _ x: Double) -> Double {
        if x <= 0 || a <= 0 { return 0 }
        if x > 1 && x > a { return 1 - upperRegularizedGamma(a, x) }
        var ax = a * log(x) - x - Distributions.logGamma(a)
        if ax < -maxLog { return 0 }
        ax = exp(ax)
        var r = a
        var c = 1.0
        var answer = 1.0
        repeat {
            r += 1
            c *= x / r
            answer += c
        } while c / answer > machineEpsilon
        return answer * ax / a
    }
}
