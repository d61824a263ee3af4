/// Splits an identifier token into its entity and key: `[<entity>.]<key>`, at the first dot outside quotes.
enum SearchIdentifier {
    /// The entity names MLflow accepts before the first dot, and the entity each one means.
    static let entityAliases: [String: SearchEntity] = [
        "metric": .metric, "metrics": .metric,
        "parameter": .param, "parameters": .param, "param": .param, "params": .param,
        "tag": .tag, "tags": .tag,
        "attribute": .attribute, "attributes": .attribute, "attr": .attribute, "run": .attribute,
        "dataset": .dataset, "datasets": .dataset,
    ]

    /// The name MLflow uses for an entity in its messages.
    static func displayName(_ entity: SearchEntity) -> String {
        switch entity {
        case .metric: "metric"
        case .param: "parameter"
        case .tag: "tag"
        case .attribute: "attribute"
        case .dataset: "dataset"
        }
    }

    /// Resolves an identifier's parts to an entity and a key with its quoting removed.
    /// - Parameters:
    ///   - parts: The identifier's parts, as the tokenizer read them.
    ///   - text: The identifier as written, for messages.
    /// - Returns: The entity (``SearchEntity/attribute`` when there is no dot) and the key.
    /// - Throws: ``CairnError`` with code `invalid_argument` for an unknown entity name or an empty key.
    static func resolve(_ parts: [SearchToken.Part], text: String) throws(CairnError) -> (SearchEntity, String) {
        var entityName: String?
        var key = ""
        for part in parts {
            switch part {
            case .quoted(let content, _):
                key += content
            case .bare(let word):
                if entityName == nil, let dot = word.firstIndex(of: ".") {
                    entityName = key + word[..<dot]
                    key = String(word[word.index(after: dot)...])
                } else {
                    key += word
                }
            }
        }
        guard !key.isEmpty else {
            throw .invalid(
                "Invalid identifier '\(text)'. Columns should be specified as 'attribute.<key>', 'metric.<key>', "
                    + "'tag.<key>', 'dataset.<key>', or 'param.'.")
        }
        guard let entityName else { return (.attribute, key) }
        guard let entity = entityAliases[entityName] else {
            throw .invalid(
                "Invalid entity type '\(entityName)'. Valid values are ['metric', 'parameter', 'tag', 'attribute', 'dataset']")
        }
        return (entity, key)
    }
}
