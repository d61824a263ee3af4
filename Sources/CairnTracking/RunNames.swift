/// Generates friendly run names in MLflow's `adjective-animal-NNN` style.
enum RunNames {
    private static let adjectives = [
        "agreeable", "bold", "brave", "bright", "calm", "clever", "crisp", "dapper", "eager", "fearless", "gentle",
        "handsome", "honest", "jolly", "kindly", "lucky", "merry", "nimble", "polite", "quick", "rare", "silent",
        "smiling", "sneaky", "stately", "sunny", "tasteful", "thundering", "upbeat", "valuable", "welcoming", "zealous",
    ]
    private static let animals = [
        "ant", "bass", "bat", "bear", "bee", "cat", "cod", "colt", "crab", "crane", "deer", "doe", "dove", "eel",
        "elk", "finch", "fox", "frog", "gnat", "goat", "hare", "hawk", "hen", "koi", "lark", "lynx", "mole", "moth",
        "newt", "owl", "ox", "ram", "seal", "shrew", "snail", "sow", "swan", "toad", "trout", "vole", "wasp", "wolf",
    ]

    /// A random name such as `bold-finch-417`.
    static func random() -> String {
        "\(adjectives.randomElement()!)-\(animals.randomElement()!)-\(Int.random(in: 0..<1000))"
    }
}
