import MeshModel
import MeshTap

extension DashboardState {
    /// The filter the tables show: the one being typed, live, else the applied one.
    public var shownFilter: String {
        if case .filter(let text) = input { return text }
        return filter
    }

    /// A key while a line is being typed: printable characters add to it, Backspace takes
    /// the last one off, Enter applies it, Esc drops it. A node being found is selected as
    /// its name is typed; Enter on an empty line goes on to the next match of the last find.
    mutating func type(_ key: Key, rows: DashboardRows, status: SourceStatus, source: String?) {
        guard let line = input else { return }
        var text: String
        switch line {
        case .filter(let t), .command(let t), .find(let t): text = t
        }
        switch key {
        case .character(let c):
            text.append(c)
        case .backspace:
            if text.isEmpty { input = nil; return }
            text.removeLast()
        case .escape:
            input = nil
            return
        case .enter:
            input = nil
            switch line {
            case .filter: applyFilter(text)
            case .command: run(command: text, rows: rows, status: status, source: source)
            case .find:
                let again = text.isEmpty
                if again { text = graph.lastFind }
                find(text, next: again, rows: rows)
                graph.lastFind = text
            }
            return
        default:
            return
        }
        switch line {
        case .filter: input = .filter(text)
        case .command: input = .command(text)
        case .find:
            input = .find(text)
            find(text, next: false, rows: rows)
            if message != nil { message = nil }  // no match yet: the line being typed says so
        }
    }

    /// Applies `text` as the filter, unless it is a regular expression that doesn't compile.
    mutating func applyFilter(_ text: String) {
        if case .invalid(let reason) = RowFilter(text) {
            message = "not a regular expression: \(reason)"
            return
        }
        filter = text
        if detail != nil { detail = nil }
    }

    /// Runs a `:` command: `ctx`, `ctx NAME`, `ns`, `ns NAME`, `ns -A` (or `ns all`),
    /// `problems`, `workloads`, `edges`, `pods`, `graph`, `tap [RESOURCE [NS]]`, `top`, `window 30s`, `help`, `q`.
    mutating func run(command: String, rows: DashboardRows, status: SourceStatus, source: String?) {
        let words = command.split(separator: " ").map(String.init)
        guard let verb = words.first else { return }
        let argument = words.dropFirst().first
        switch verb {
        case "ctx", "context": switchContext(to: argument, status: status, source: source)
        case "ns", "namespace": switchNamespace(to: argument, status: status, rows: rows)
        case "problems", "pr": showProblems(status)
        case "workloads", "wl", "deploy", "1": apply(.show(.workloads), rows: rows)
        case "edges", "ed", "2": apply(.show(.edges), rows: rows)
        case "pods", "po", "3": apply(.show(.pods), rows: rows)
        case "graph", "gr", "4": apply(.show(.graph), rows: rows)
        case "tap", "5": tap(argument, namespace: words.dropFirst(2).first)
        case "top", "6": apply(.show(.top), rows: rows)
        case "window", "w":
            guard let text = argument, let ms = DashboardContext.parseDuration(text) else {
                message = ":window needs a duration, e.g. :window 1m"
                return
            }
            windowMs = max(minimumWindowMs, ms)
        case "help", "h": showingHelp = true
        case "q", "quit", "q!": apply(.quit, rows: rows)
        default:
            message = "unknown command :\(StatTable.display(verb)) (try :ctx, :ns, :pods, :graph, :tap deploy/web, :problems, :window 1m, :q)"
        }
    }
}

extension DashboardState {
    /// `:tap deploy/web [NS]`: the Tap page on that resource (in the namespace shown, else NS,
    /// else `default`); `:tap` alone: the Tap page on what it watched last.
    mutating func tap(_ argument: String?, namespace: String?) {
        if let argument {
            do {
                tapTarget = try TapResource(parsing: argument, namespace: namespace ?? self.namespace ?? "default")
            } catch {
                message = "\(error)"
                return
            }
        }
        (page, detail) = (.tap, nil)
    }
}
