import Foundation

/// The screening form as text fields, for the web page and the JSON API alike, and the words the
/// worker reads in Japanese or English: what each choice means and why CTIP answered as it did.
///
/// Fields: a checkbox per choice (`act_recruitment`, `means_abduction`, `control_DebtBondage`,
/// `purpose_servitude` = `on`) or lists separated by `;` (`acts`, `means`, `control_methods`, `purposes`);
/// `age` (whole years), `nationality` (ISO 3166-1 alpha-3), `says_they_consented` (yes, no or unknown).
public enum ScreeningForm {
    public static let listFields = ["acts", "means", "control_methods", "purposes"]

    public static func read(_ fields: [String: String], codeLists: CodeLists = .shipped) -> Result<ScreeningAnswers, FieldErrors> {
        var answers = ScreeningAnswers()
        var errors: [FieldError] = []
        func value(_ name: String) -> String? {
            guard let text = fields[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !text.isEmpty else { return nil }
            return text
        }
        func checked(_ name: String) -> Bool { ["on", "yes", "true", "1"].contains(value(name)?.lowercased() ?? "") }
        func list<Code: RawRepresentable & CaseIterable & Hashable>(_ field: String, prefix: String, _: Code.Type) -> Set<Code> where Code.RawValue == String {
            var codes = Set(Code.allCases.filter { checked("\(prefix)_\($0.rawValue)") })
            for item in (value(field) ?? "").split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
                if let code = Code(rawValue: item) { codes.insert(code) }
                else { errors.append(FieldError(field: field, message: "unknown code `\(item.prefix(40))`; expected one of " + Code.allCases.map(\.rawValue).joined(separator: ", "))) }
            }
            return codes
        }
        answers.acts = list("acts", prefix: "act", Article3.Act.self)
        answers.means = list("means", prefix: "means", Article3.Means.self)
        answers.controlMethods = list("control_methods", prefix: "control", ControlMethod.self)
        answers.purposes = list("purposes", prefix: "purpose", Article3.Purpose.self)
        if let text = value("age") {
            if let age = Int(text), (0...120).contains(age) { answers.age = age }
            else { errors.append(FieldError(field: "age", message: "expected whole years between 0 and 120", japanese: "0から120までの満年齢を入力してください")) }
        }
        if let code = value("nationality")?.uppercased() {
            if codeLists.countries[code] != nil { answers.nationality = code }
            else { errors.append(FieldError(field: "nationality", message: "expected an ISO 3166-1 alpha-3 country code such as VNM",
                                                  japanese: "ISO 3166-1 の3文字の国コード（VNM など）を入力してください")) }
        }
        switch value("says_they_consented")?.lowercased() {
        case nil, "unknown": break
        case "yes", "true", "1", "on": answers.saysTheyConsented = true
        case "no", "false", "0": answers.saysTheyConsented = false
        default: errors.append(FieldError(field: "says_they_consented", message: "expected yes, no or unknown", japanese: "yes（はい）、no（いいえ）、unknown（不明）のいずれかを選んでください"))
        }
        return errors.isEmpty ? .success(answers) : .failure(FieldErrors(errors))
    }

    // MARK: Words for the worker

    public static func label(_ act: Article3.Act) -> CodeLabel {
        switch act {
        case .recruitment: CodeLabel(code: act.rawValue, en: "recruitment", ja: "勧誘（リクルート）")
        case .transportation: CodeLabel(code: act.rawValue, en: "transportation", ja: "運搬")
        case .transfer: CodeLabel(code: act.rawValue, en: "transfer", ja: "引渡し")
        case .harbouring: CodeLabel(code: act.rawValue, en: "harbouring", ja: "蔵匿")
        case .receipt: CodeLabel(code: act.rawValue, en: "receipt", ja: "収受")
        }
    }

    public static func label(_ means: Article3.Means) -> CodeLabel {
        switch means {
        case .threatOrUseOfForce: CodeLabel(code: means.rawValue, en: "threat or use of force", ja: "暴力による脅迫・暴力の行使")
        case .coercion: CodeLabel(code: means.rawValue, en: "other forms of coercion", ja: "その他の形態の強制")
        case .abduction: CodeLabel(code: means.rawValue, en: "abduction", ja: "誘拐")
        case .fraud: CodeLabel(code: means.rawValue, en: "fraud", ja: "詐欺")
        case .deception: CodeLabel(code: means.rawValue, en: "deception", ja: "欺もう")
        case .abuseOfPower: CodeLabel(code: means.rawValue, en: "abuse of power", ja: "権力の濫用")
        case .abuseOfVulnerability: CodeLabel(code: means.rawValue, en: "abuse of a position of vulnerability", ja: "弱い立場に乗じること")
        case .paymentToPersonInControl: CodeLabel(code: means.rawValue, en: "payments to a person having control over the victim", ja: "支配下にある者の同意を得るための金銭・利益の授受")
        }
    }

    public static func label(_ method: ControlMethod) -> CodeLabel {
        let (en, ja): (String, String) = switch method {
        case .physicalThreats: ("threats of violence", "暴力の脅し")
        case .physicalAbuse: ("physical violence", "身体的暴力")
        case .sexualAbuse: ("sexual violence", "性的暴力")
        case .psychologicalAbuse: ("psychological abuse", "心理的虐待")
        case .threatsToFamily: ("threats to family", "家族への脅し")
        case .threatOfLawEnforcement: ("threatened with the police or deportation", "警察・強制送還をちらつかせる脅し")
        case .debtBondage: ("debt bondage", "借金による拘束")
        case .takesEarnings: ("takes the person's earnings", "稼ぎの取り上げ")
        case .withholdsWages: ("wages withheld", "賃金の不払い・未払い")
        case .restrictsFinancialAccess: ("no access to own money or bank account", "自分のお金・口座を使わせない")
        case .withholdsDocuments: ("passport or documents confiscated", "旅券・書類の取り上げ")
        case .restrictsMovement: ("confinement or restricted movement", "監禁・移動の制限")
        case .falsePromises: ("deception about the work or pay", "仕事・賃金についての欺もう")
        case .abusesVulnerability: ("abuse of a position of vulnerability", "弱い立場への付け込み")
        case .psychoactiveSubstances: ("made to take alcohol or drugs", "酒・薬物の強要")
        case .withholdsNecessities: ("food, water, sleep or rest withheld", "食事・水・睡眠・休息を与えない")
        case .excessiveWorkingHours: ("excessive working hours", "過度の長時間労働")
        case .restrictsMedicalCare: ("denied medical care", "医療を受けさせない")
        }
        return CodeLabel(code: method.rawValue, en: en, ja: ja)
    }

    public static func label(_ purpose: Article3.Purpose) -> CodeLabel {
        switch purpose {
        case .prostitutionOfOthers: CodeLabel(code: purpose.rawValue, en: "exploitation of the prostitution of others", ja: "他の者を売春させて搾取すること")
        case .otherSexualExploitation: CodeLabel(code: purpose.rawValue, en: "other forms of sexual exploitation", ja: "その他の形態の性的搾取")
        case .forcedLabourOrServices: CodeLabel(code: purpose.rawValue, en: "forced labour or services", ja: "強制的な労働・役務")
        case .slaveryOrSimilarPractices: CodeLabel(code: purpose.rawValue, en: "slavery or practices similar to slavery", ja: "奴隷化・これに類する行為")
        case .servitude: CodeLabel(code: purpose.rawValue, en: "servitude", ja: "隷属")
        case .removalOfOrgans: CodeLabel(code: purpose.rawValue, en: "removal of organs", ja: "臓器の摘出")
        }
    }

    public static func label(_ outcome: ScreeningResult.Outcome) -> CodeLabel {
        switch outcome {
        case .meetsDefinition: CodeLabel(code: outcome.rawValue, en: "Meets the definition of trafficking in persons", ja: "人身取引の定義に該当する")
        case .possible: CodeLabel(code: outcome.rawValue, en: "Possible — interview further", ja: "可能性あり — さらに聴取を")
        case .notIndicated: CodeLabel(code: outcome.rawValue, en: "Not indicated", ja: "該当の兆候なし")
        }
    }

    public static func label(_ element: ScreeningResult.Element) -> CodeLabel {
        switch element {
        case .act: CodeLabel(code: element.rawValue, en: "Act", ja: "行為")
        case .means: CodeLabel(code: element.rawValue, en: "Means", ja: "手段")
        case .purpose: CodeLabel(code: element.rawValue, en: "Purpose", ja: "目的")
        }
    }

    public static func label(_ finding: ScreeningResult.Finding) -> CodeLabel {
        switch finding {
        case .holds: CodeLabel(code: finding.rawValue, en: "holds", ja: "あり")
        case .missing: CodeLabel(code: finding.rawValue, en: "missing", ja: "なし")
        case .notRequired: CodeLabel(code: finding.rawValue, en: "not required (child)", ja: "不要（児童）")
        }
    }

    /// A stable name for each kind of reason, for programs reading the API.
    public static func code(_ reason: ScreeningResult.Reason) -> String {
        switch reason {
        case .actRecorded: "act_recorded"
        case .noAct: "no_act"
        case .meansRecorded: "means_recorded"
        case .meansShownByControl: "means_shown_by_control"
        case .noMeans: "no_means"
        case .childNeedsNoMeans: "child_needs_no_means"
        case .ageUnknownWithoutMeans: "age_unknown_without_means"
        case .purposeRecorded: "purpose_recorded"
        case .noPurpose: "no_purpose"
        case .consentIrrelevant: "consent_irrelevant"
        }
    }

    /// Why, in the worker's language, citing the Protocol where it decides.
    public static func explain(_ reason: ScreeningResult.Reason, _ language: Language) -> String {
        func names<Code>(_ codes: [Code], _ label: (Code) -> CodeLabel) -> String {
            codes.map { label($0).label(language) }.joined(separator: language == .ja ? "、" : ", ")
        }
        let t = { (en: String, ja: String) in language == .ja ? ja : en }
        switch reason {
        case .actRecorded(let acts): return t("Act: \(names(acts, label)) (Art. 3 (a)).", "行為：\(names(acts, label))（第3条(a)）。")
        case .noAct: return t("No act was recorded: recruitment, transportation, transfer, harbouring or receipt.", "行為（勧誘・運搬・引渡し・蔵匿・収受）が記録されていません。")
        case .meansRecorded(let means): return t("Means recorded: \(names(means, label)).", "記録された手段：\(names(means, label))。")
        case .meansShownByControl(let methods):
            let shown = methods.map { "\(label($0).label(language)) → \(label($0.means).label(language))" }.joined(separator: language == .ja ? "、" : "; ")
            return t("Means shown by the methods of control seen: \(shown).", "確認された支配の方法が示す手段：\(shown)。")
        case .noMeans: return t("No means was recorded, and the person is 18 or older.", "手段が記録されておらず、本人は18歳以上です。")
        case .childNeedsNoMeans(let age): return t("The person is \(age), a child: no means is needed (Art. 3 (c), (d)).", "本人は\(age)歳の児童であり、手段は不要です（第3条(c)(d)）。")
        case .ageUnknownWithoutMeans: return t("No means was recorded and the age is unknown: if the person is under 18, no means is needed — find out the age.", "手段が記録されておらず、年齢が不明です。18歳未満なら手段は不要です。年齢を確認してください。")
        case .purposeRecorded(let purposes): return t("Purpose of exploitation: \(names(purposes, label)).", "搾取の目的：\(names(purposes, label))。")
        case .noPurpose: return t("No purpose of exploitation was recorded.", "搾取の目的が記録されていません。")
        case .consentIrrelevant: return t("The person says they agreed; that is irrelevant once a means was used or for a child (Art. 3 (b), (c)).", "本人は同意したと述べていますが、手段が用いられた場合や児童の場合、同意は関係ありません（第3条(b)(c)）。")
        }
    }
}
