import MeshModel

extension DashboardState {
    /// The change of source the user chose last, if any. Taking it clears it, so the driver
    /// carries out each choice once.
    public mutating func takeSourceRequest() -> SourceRequest? {
        defer { sourceRequest = nil }
        return sourceRequest
    }

    /// `:ctx` opens the list of the kubeconfig's contexts; `:ctx NAME` chooses one of them.
    mutating func switchContext(to name: String?, status: SourceStatus, source: String?) {
        guard !status.contexts.isEmpty else {
            message = "no kubeconfig contexts: meshtop is "
                + (source.map { "reading \(StatTable.display($0))" } ?? "not reading a kubeconfig")
            return
        }
        guard let name else {
            picker = SourcePicker(title: "Contexts", choices: status.contexts.map {
                SourcePicker.Choice(label: $0, request: .context($0), isCurrent: $0 == status.context)
            })
            return
        }
        guard status.contexts.contains(name) else {
            let known = status.contexts.prefix(3).map(StatTable.display).joined(separator: ", ")
            message = "no context \(StatTable.display(name)) in the kubeconfig; it has \(known)"
                + (status.contexts.count > 3 ? ", \(status.contexts.count - 3) more (:ctx lists them)" : "")
            return
        }
        choose(.context(name))
    }

    /// `:ns` opens the list of namespaces (the cluster's, else the snapshot's) after `all
    /// namespaces`; `:ns NAME` chooses one, `:ns -A` (or `all`) all of them.
    mutating func switchNamespace(to name: String?, status: SourceStatus, rows: DashboardRows) {
        guard let name else {
            let names = (status.namespaces ?? rows.namespaces).sorted()
            let all = SourcePicker.Choice(label: "all namespaces", request: .namespace(nil), isCurrent: namespace == nil)
            picker = SourcePicker(title: "Namespaces", note: status.watching.map { "watching \($0)" },
                                  choices: [all] + names.map {
                                      SourcePicker.Choice(label: $0, request: .namespace($0), isCurrent: $0 == namespace)
                                  })
            return
        }
        choose(.namespace(["-A", "all", "--all-namespaces"].contains(name) ? nil : name))
    }

    /// `:problems` lists every problem of the source.
    mutating func showProblems(_ status: SourceStatus) {
        if status.problems.isEmpty { message = "no problems with the source" } else { showingProblems = true }
    }

    /// A key while a picker is open.
    mutating func pick(_ key: Key, rows: DashboardRows) {
        guard var list = picker else { return }
        settle(list.press(key, visible: rows.visible), list)
    }

    /// The mouse while a picker is open: a click on its line `index`, or the wheel.
    mutating func point(_ mouse: MouseEvent, inPickerAt index: Int?) {
        guard var list = picker else { return }
        switch mouse.kind {
        case .wheelUp: list.scroll(by: -3)
        case .wheelDown: list.scroll(by: 3)
        case .click:
            guard let index else { return }
            return settle(list.click(index), list)
        }
        picker = list
    }

    /// Keeps the picker as `list` left it, or closes it, recording the choice if one was made.
    private mutating func settle(_ outcome: SourcePicker.Outcome, _ list: SourcePicker) {
        switch outcome {
        case .stays: picker = list
        case .closed: picker = nil
        case .chose(let choice):
            picker = nil
            choose(choice.request)
        }
    }

    /// Records `request` for the driver; a namespace also filters the views to it at once, so
    /// static targets and the demo, where nothing else reacts, still show it.
    private mutating func choose(_ request: SourceRequest) {
        sourceRequest = request
        if case .namespace(let name) = request { namespace = name }
    }
}
