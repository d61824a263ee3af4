import CairnCLI

/// The `cairn` executable: hands the command line to ``CairnCommand``.
@main
struct CairnMain {
    static func main() async {
        await CairnCommand.main()
    }
}
