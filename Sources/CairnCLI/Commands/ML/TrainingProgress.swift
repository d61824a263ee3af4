import Foundation
import Synchronization

/// Collects the validation loss of each boosting round and shows a progress line on stderr when it is a terminal.
final class TrainingProgress: Sendable {
    private let losses = Mutex<[(round: Int, loss: Double)]>([])
    private let total: Int
    private let interactive = isatty(FileHandle.standardError.fileDescriptor) != 0

    init(total: Int) { self.total = total }

    /// Records one round; called by the trainer.
    func record(round: Int, loss: Double?) {
        if let loss { losses.withLock { $0.append((round, loss)) } }
        guard interactive else { return }
        let lossText = loss.map { String(format: " valid_loss=%.6f", $0) } ?? ""
        FileHandle.standardError.write(Data("\r[round \(round + 1)/\(total)]\(lossText)   ".utf8))
    }

    /// Ends the progress line.
    func finish() {
        if interactive { FileHandle.standardError.write(Data("\n".utf8)) }
    }

    /// The validation loss per round, in order.
    var history: [(round: Int, loss: Double)] { losses.withLock { $0 } }
}
