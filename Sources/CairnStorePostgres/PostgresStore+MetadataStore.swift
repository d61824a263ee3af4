import CairnStore

extension PostgresStore: MetadataStore {}
