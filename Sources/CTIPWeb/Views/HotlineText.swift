import CTIPCore
import Foundation

/// The hot lines' own words in the leaflet's languages (`HelpLanguages.leaflet`). English and Japanese
/// are complete; a missing entry of another language falls back to English. `{}` marks where a value goes.
struct HotlineText {
    let language: String

    init(language: String) { self.language = HotlineFields.languages.contains(language) ? language : "en" }

    subscript(_ key: String) -> String { Self.table[language]?[key] ?? Self.table["en"]![key] ?? key }

    func format(_ key: String, _ value: String) -> String { self[key].replacingOccurrences(of: "{}", with: value) }

    /// The error for a refused field, starting with the field's own label so the reporter finds it.
    func error(_ error: HotlineInputError) -> String {
        let label = self["field." + error.field]
        switch error.problem {
        case .missing: return "\(label): \(self["err.missing"])"
        case .unknownLanguage: return "\(label): \(self["err.language"])"
        case .unknownCategory: return "\(label): \(self["err.category"])"
        case .unknownPrefecture: return "\(label): \(self["err.prefecture"])"
        case .tooLong(let limit): return "\(label): \(format("err.tooLong", String(limit)))"
        case .controlCharacters: return "\(label): \(self["err.control"])"
        case .malformedURL(let problem): return "\(label): \(self["err.url"]) (\(problem.description))"
        }
    }

    static let table: [String: [String: String]] = [
        "en": [
            "report.title": "Anonymous-Reporting Hot Line", "report.intro": "Tell the police about trafficking in persons, child welfare crimes or child abuse — without giving your name. A reward may be paid if your report helps clear a case or protect a victim.",
            "internet.title": "Internet Hotline Center", "internet.intro": "Report illegal or harmful information on the internet: inducement to prostitution, child sexual abuse material, or offers to commit grave crimes such as trafficking in persons.",
            "danger": "If someone is in danger now, call 110 (police).", "anonymity": "Do not write your name. CTIP keeps no network address, browser details or cookies of yours.",
            "field.lang": "Language", "field.category": "What is it about?", "field.prefecture": "Where (prefecture)", "field.description": "What happened? Who, where, when",
            "field.url": "Address of the page (URL)", "field.danger_now": "Someone's life is in danger now", "field.answer": "Your answer", "field.receipt": "Receipt number", "field.passcode": "Passcode",
            "field.body": "Report", "submit": "Send the report", "choose": "Choose…",
            "tip.trafficking": "Trafficking in persons (forced sex work or labour, passports or money taken)", "tip.child_welfare": "Crimes against children's welfare (child prostitution, harmful work)",
            "tip.child_abuse": "Child abuse", "tip.other": "Something else",
            "internet.prostitution_inducement": "Inducement to prostitution", "internet.csam": "Child sexual abuse material shown publicly",
            "internet.grave_crime": "Offers to commit grave crimes (trafficking in persons, organ trafficking, kidnapping, confinement)",
            "internet.other_illegal": "Other illegal information", "internet.harmful": "Harmful information (not illegal)",
            "thanks": "Thank you. Your report was received.", "receipt": "Receipt number", "passcode": "Passcode",
            "keep": "Write both down now. The passcode is shown only this once and cannot be recovered. With them you can follow your report, answer questions and claim a reward.",
            "statusLink": "Follow a report", "status.title": "Follow your report", "status.intro": "Type the receipt number and passcode you were given.",
            "status.submit": "Show my report", "status.category": "About", "status.month": "Received in", "status.state": "Status",
            "state.received": "Received, waiting to be read", "state.triaged": "Read by an analyst", "state.forwarded": "Passed to the prefectural police",
            "state.acknowledged": "The police are working on it", "state.closed": "Closed", "state.merged": "Joined with another report on the same matter",
            "state.pending": "Waiting to be judged", "state.illegal": "Judged illegal and reported to the police", "state.harmful": "Judged harmful", "state.not_illegal": "Judged not illegal",
            "deletion.none": "", "deletion.requested": "Deletion requested from the site", "deletion.deleted": "Deleted", "deletion.not_deleted": "The site did not delete it",
            "deletion.reappeared": "It re-appeared after deletion", "status.messages": "Questions and answers", "author.analyst": "Analyst", "author.reporter": "You",
            "status.answerSubmit": "Send my answer", "answered": "Your answer was added.",
            "reward.decided": "A reward of {} yen was decided for your report.", "reward.claim": "Claim the reward", "reward.claimed": "You claimed the reward of {} yen. Bring the receipt number and passcode to collect it.",
            "reward.paid": "The reward of {} yen was paid.", "claimed": "Your claim was recorded.",
            "err.missing": "please fill this in.", "err.language": "this language is not offered.", "err.category": "please choose one of the listed categories.",
            "err.prefecture": "please choose a prefecture from the list.", "err.tooLong": "please shorten it to at most {} characters.",
            "err.control": "contains invisible control characters; please type the text again.", "err.url": "this is not an address of a web page",
            "err.tooLarge": "the report is too large to send (at most {} bytes).", "err.rateLimited": "too many reports from your connection just now. Please wait a few minutes and send it again.",
            "err.noSuchReport": "No report has this receipt number and passcode. Please check them.", "err.format": "the report could not be read (send a form or JSON).",
            "err.saved": "Your report could not be saved just now. Nothing was kept. Please try again in a moment.",
            "err.notAllowed": "This is not possible for this report.",
        ],
        "ja": [
            "report.title": "匿名通報ダイヤル", "report.intro": "人身取引、福祉犯、児童虐待について、名前を言わずに警察に知らせることができます。事件の検挙や被害者の保護に役立った場合、情報料が支払われることがあります。",
            "internet.title": "インターネット・ホットラインセンター", "internet.intro": "インターネット上の違法情報・有害情報を通報できます（売春の勧誘、児童ポルノの公然陳列、人身売買などの重大な犯罪の請負に関する情報など）。",
            "danger": "いま危険がある場合は110番に電話してください。", "anonymity": "名前は書かないでください。CTIPはあなたのネットワークアドレス、ブラウザの情報、クッキーを一切保存しません。",
            "field.lang": "言語", "field.category": "通報の内容", "field.prefecture": "場所（都道府県）", "field.description": "何があったか（だれが・どこで・いつ）",
            "field.url": "ページのアドレス（URL）", "field.danger_now": "いま命の危険がある人がいる", "field.answer": "あなたの回答", "field.receipt": "受付番号", "field.passcode": "パスコード",
            "field.body": "通報", "submit": "通報する", "choose": "選んでください",
            "tip.trafficking": "人身取引（性的サービスや労働の強制、パスポートやお金の取り上げ）", "tip.child_welfare": "福祉犯（児童買春、有害な業務など）",
            "tip.child_abuse": "児童虐待", "tip.other": "その他",
            "internet.prostitution_inducement": "売春の勧誘", "internet.csam": "児童ポルノの公然陳列",
            "internet.grave_crime": "重要犯罪の請負（人身売買、臓器売買、略取・誘拐、逮捕・監禁）",
            "internet.other_illegal": "その他の違法情報", "internet.harmful": "有害情報（違法ではないもの）",
            "thanks": "ありがとうございました。通報を受け付けました。", "receipt": "受付番号", "passcode": "パスコード",
            "keep": "いますぐ両方を書き留めてください。パスコードはこの一度しか表示されず、再発行できません。これを使って、通報の状況の確認、質問への回答、情報料の請求ができます。",
            "statusLink": "通報の状況を確認する", "status.title": "通報の状況", "status.intro": "受付番号とパスコードを入力してください。",
            "status.submit": "表示する", "status.category": "内容", "status.month": "受付月", "status.state": "状況",
            "state.received": "受付済み・確認待ち", "state.triaged": "分析担当者が確認しました", "state.forwarded": "都道府県警察に提供しました",
            "state.acknowledged": "警察が対応中です", "state.closed": "終了しました", "state.merged": "同じ事案の別の通報とまとめました",
            "state.pending": "判断待ち", "state.illegal": "違法情報と判断し、警察に通報しました", "state.harmful": "有害情報と判断しました", "state.not_illegal": "違法情報ではないと判断しました",
            "deletion.none": "", "deletion.requested": "サイトに削除を依頼しました", "deletion.deleted": "削除されました", "deletion.not_deleted": "サイトは削除しませんでした",
            "deletion.reappeared": "削除後に再掲載されました", "status.messages": "質問と回答", "author.analyst": "分析担当者", "author.reporter": "あなた",
            "status.answerSubmit": "回答を送る", "answered": "回答を追加しました。",
            "reward.decided": "あなたの通報に{}円の情報料が決まりました。", "reward.claim": "情報料を請求する", "reward.claimed": "{}円の情報料を請求しました。受け取りの際は受付番号とパスコードをお持ちください。",
            "reward.paid": "{}円の情報料は支払済みです。", "claimed": "請求を受け付けました。",
            "err.missing": "入力してください。", "err.language": "この言語には対応していません。", "err.category": "一覧から選んでください。",
            "err.prefecture": "一覧から都道府県を選んでください。", "err.tooLong": "{}文字以内にしてください。",
            "err.control": "目に見えない制御文字が含まれています。もう一度入力してください。", "err.url": "ウェブページのアドレスではありません",
            "err.tooLarge": "通報が大きすぎて送れません（{}バイトまで）。", "err.rateLimited": "あなたの接続からの通報が短時間に多すぎます。数分待ってからもう一度送ってください。",
            "err.noSuchReport": "この受付番号とパスコードの通報はありません。もう一度確認してください。", "err.format": "通報を読み取れませんでした（フォームまたはJSONで送ってください）。",
            "err.saved": "通報をいま保存できませんでした。何も保存されていません。しばらくしてからもう一度送ってください。",
            "err.notAllowed": "この通報ではできない操作です。",
        ],
        "zh": [
            "report.title": "匿名举报热线", "report.intro": "您可以不留姓名，向警方举报人口贩卖、危害儿童福利的犯罪或虐待儿童。如果您的举报有助于破案或保护受害者，可能会支付奖金。",
            "internet.title": "网络热线中心", "internet.intro": "举报网络上的违法或有害信息：卖淫劝诱、儿童性虐待内容、承包人口贩卖等重大犯罪的信息。",
            "danger": "如果现在有人处于危险之中，请拨打110（警察）。", "anonymity": "请不要写您的姓名。CTIP不保存您的网络地址、浏览器信息或Cookie。",
            "field.lang": "语言", "field.category": "举报内容", "field.prefecture": "地点（都道府县）", "field.description": "发生了什么？谁、在哪里、什么时候", "field.url": "网页地址（URL）",
            "field.danger_now": "现在有人有生命危险", "submit": "发送举报", "choose": "请选择",
            "tip.trafficking": "人口贩卖（强迫卖淫或劳动、护照或钱被拿走）", "tip.child_welfare": "危害儿童福利的犯罪", "tip.child_abuse": "虐待儿童", "tip.other": "其他",
            "thanks": "谢谢。您的举报已收到。", "receipt": "受理号码", "passcode": "密码",
            "keep": "请现在记下这两项。密码只显示这一次，无法找回。凭此可查看举报进展、回答问题和申请奖金。",
            "err.missing": "请填写。", "err.category": "请从列表中选择。", "err.prefecture": "请从列表中选择都道府县。", "err.tooLong": "请缩短到{}个字符以内。",
            "err.control": "包含不可见的控制字符，请重新输入。", "err.url": "这不是网页地址", "err.rateLimited": "您的连接刚才发送的举报过多。请等几分钟后再发送。",
        ],
        "ko": [
            "report.title": "익명 신고 핫라인", "report.intro": "이름을 밝히지 않고 인신매매, 아동 복지 범죄, 아동 학대를 경찰에 알릴 수 있습니다.",
            "danger": "지금 누군가가 위험하면 110(경찰)에 전화하세요.", "anonymity": "이름을 쓰지 마세요. CTIP는 당신의 네트워크 주소, 브라우저 정보, 쿠키를 저장하지 않습니다.",
            "field.lang": "언어", "field.category": "무엇에 관한 신고입니까?", "field.prefecture": "장소(도도부현)", "field.description": "무슨 일이 있었습니까? 누가, 어디서, 언제",
            "field.danger_now": "지금 생명이 위험한 사람이 있다", "submit": "신고 보내기", "choose": "선택하세요",
            "tip.trafficking": "인신매매(성매매·노동 강요, 여권이나 돈을 빼앗김)", "tip.child_welfare": "아동 복지 범죄", "tip.child_abuse": "아동 학대", "tip.other": "기타",
            "thanks": "감사합니다. 신고가 접수되었습니다.", "receipt": "접수 번호", "passcode": "비밀 코드",
            "keep": "지금 두 가지를 적어 두세요. 비밀 코드는 이번 한 번만 표시되며 다시 찾을 수 없습니다.",
            "err.missing": "입력해 주세요.", "err.category": "목록에서 선택해 주세요.", "err.tooLong": "{}자 이내로 줄여 주세요.", "err.control": "보이지 않는 제어 문자가 있습니다. 다시 입력해 주세요.",
        ],
        "es": [
            "report.title": "Línea de denuncia anónima", "report.intro": "Informe a la policía sobre trata de personas, delitos contra el bienestar infantil o maltrato infantil, sin dar su nombre.",
            "danger": "Si alguien está en peligro ahora, llame al 110 (policía).", "anonymity": "No escriba su nombre. CTIP no guarda su dirección de red, datos del navegador ni cookies.",
            "field.lang": "Idioma", "field.category": "¿De qué se trata?", "field.prefecture": "Dónde (prefectura)", "field.description": "¿Qué pasó? Quién, dónde, cuándo",
            "field.danger_now": "La vida de alguien está en peligro ahora", "submit": "Enviar la denuncia", "choose": "Elija…",
            "tip.trafficking": "Trata de personas (trabajo o sexo forzado, pasaporte o dinero retenidos)", "tip.child_welfare": "Delitos contra el bienestar infantil", "tip.child_abuse": "Maltrato infantil", "tip.other": "Otra cosa",
            "thanks": "Gracias. Su denuncia fue recibida.", "receipt": "Número de recibo", "passcode": "Código secreto",
            "keep": "Anote ambos ahora. El código se muestra solo esta vez y no se puede recuperar.",
            "err.missing": "complete este campo.", "err.category": "elija una de las categorías de la lista.", "err.tooLong": "acórtelo a {} caracteres como máximo.", "err.control": "contiene caracteres de control invisibles; escriba el texto de nuevo.",
        ],
        "ru": [
            "report.title": "Анонимная горячая линия", "report.intro": "Сообщите полиции о торговле людьми, преступлениях против благополучия детей или жестоком обращении с детьми, не называя своего имени.",
            "danger": "Если кто-то в опасности сейчас, звоните 110 (полиция).", "anonymity": "Не пишите своё имя. CTIP не хранит ваш сетевой адрес, данные браузера и cookie.",
            "field.lang": "Язык", "field.category": "О чём сообщение?", "field.prefecture": "Где (префектура)", "field.description": "Что случилось? Кто, где, когда",
            "field.danger_now": "Чья-то жизнь сейчас в опасности", "submit": "Отправить сообщение", "choose": "Выберите…",
            "tip.trafficking": "Торговля людьми (принуждение к сексу или труду, отобранные паспорт или деньги)", "tip.child_welfare": "Преступления против благополучия детей", "tip.child_abuse": "Жестокое обращение с детьми", "tip.other": "Другое",
            "thanks": "Спасибо. Ваше сообщение получено.", "receipt": "Номер квитанции", "passcode": "Код доступа",
            "keep": "Запишите оба сейчас. Код показывается только один раз и не восстанавливается.",
            "err.missing": "заполните это поле.", "err.category": "выберите категорию из списка.", "err.tooLong": "сократите до {} символов.", "err.control": "содержит невидимые управляющие символы; введите текст заново.",
        ],
        "th": [
            "report.title": "สายด่วนแจ้งเบาะแสโดยไม่ระบุชื่อ", "report.intro": "แจ้งตำรวจเรื่องการค้ามนุษย์ อาชญากรรมต่อสวัสดิภาพเด็ก หรือการทารุณกรรมเด็ก โดยไม่ต้องบอกชื่อ",
            "danger": "ถ้ามีคนตกอยู่ในอันตรายตอนนี้ โทร 110 (ตำรวจ)", "anonymity": "อย่าเขียนชื่อของคุณ CTIP ไม่เก็บที่อยู่เครือข่าย ข้อมูลเบราว์เซอร์ หรือคุกกี้ของคุณ",
            "field.lang": "ภาษา", "field.category": "เรื่องอะไร", "field.prefecture": "ที่ไหน (จังหวัด)", "field.description": "เกิดอะไรขึ้น ใคร ที่ไหน เมื่อไร",
            "field.danger_now": "มีคนกำลังมีอันตรายถึงชีวิตตอนนี้", "submit": "ส่งการแจ้งเบาะแส", "choose": "เลือก…",
            "tip.trafficking": "การค้ามนุษย์ (ถูกบังคับค้าประเวณีหรือทำงาน ถูกยึดหนังสือเดินทางหรือเงิน)", "tip.child_welfare": "อาชญากรรมต่อสวัสดิภาพเด็ก", "tip.child_abuse": "การทารุณกรรมเด็ก", "tip.other": "อื่น ๆ",
            "thanks": "ขอบคุณ ได้รับการแจ้งเบาะแสของคุณแล้ว", "receipt": "หมายเลขรับแจ้ง", "passcode": "รหัสผ่าน",
            "keep": "จดทั้งสองอย่างไว้ตอนนี้ รหัสผ่านแสดงเพียงครั้งเดียวและกู้คืนไม่ได้",
            "err.missing": "กรุณากรอกข้อมูล", "err.category": "กรุณาเลือกจากรายการ", "err.tooLong": "กรุณาย่อให้ไม่เกิน {} ตัวอักษร", "err.control": "มีอักขระควบคุมที่มองไม่เห็น กรุณาพิมพ์ใหม่",
        ],
        "tl": [
            "report.title": "Anonymous na Hotline ng Pag-uulat", "report.intro": "Ipaalam sa pulis ang human trafficking, krimen laban sa kapakanan ng bata o pang-aabuso sa bata nang hindi ibinibigay ang iyong pangalan.",
            "danger": "Kung may nasa panganib ngayon, tumawag sa 110 (pulis).", "anonymity": "Huwag isulat ang iyong pangalan. Walang itinatagong network address, detalye ng browser o cookie ang CTIP.",
            "field.lang": "Wika", "field.category": "Tungkol saan?", "field.prefecture": "Saan (prefecture)", "field.description": "Ano ang nangyari? Sino, saan, kailan",
            "field.danger_now": "May buhay na nasa panganib ngayon", "submit": "Ipadala ang ulat", "choose": "Pumili…",
            "tip.trafficking": "Human trafficking (sapilitang sex work o trabaho, kinuha ang pasaporte o pera)", "tip.child_welfare": "Krimen laban sa kapakanan ng bata", "tip.child_abuse": "Pang-aabuso sa bata", "tip.other": "Iba pa",
            "thanks": "Salamat. Natanggap ang iyong ulat.", "receipt": "Numero ng resibo", "passcode": "Passcode",
            "keep": "Isulat ang dalawa ngayon. Minsan lang ipapakita ang passcode at hindi na ito mababawi.",
            "err.missing": "pakipunan ito.", "err.category": "pumili mula sa listahan.", "err.tooLong": "paikliin sa hindi hihigit sa {} na character.",
        ],
        "id": [
            "report.title": "Saluran Pengaduan Anonim", "report.intro": "Laporkan perdagangan orang, kejahatan terhadap kesejahteraan anak, atau kekerasan terhadap anak kepada polisi tanpa menyebutkan nama Anda.",
            "danger": "Jika seseorang dalam bahaya sekarang, hubungi 110 (polisi).", "anonymity": "Jangan tulis nama Anda. CTIP tidak menyimpan alamat jaringan, data peramban, atau cookie Anda.",
            "field.lang": "Bahasa", "field.category": "Tentang apa?", "field.prefecture": "Di mana (prefektur)", "field.description": "Apa yang terjadi? Siapa, di mana, kapan",
            "field.danger_now": "Nyawa seseorang dalam bahaya sekarang", "submit": "Kirim laporan", "choose": "Pilih…",
            "tip.trafficking": "Perdagangan orang (dipaksa bekerja atau melayani seks, paspor atau uang diambil)", "tip.child_welfare": "Kejahatan terhadap kesejahteraan anak", "tip.child_abuse": "Kekerasan terhadap anak", "tip.other": "Lainnya",
            "thanks": "Terima kasih. Laporan Anda sudah diterima.", "receipt": "Nomor tanda terima", "passcode": "Kode sandi",
            "keep": "Catat keduanya sekarang. Kode sandi hanya ditampilkan sekali ini dan tidak dapat dipulihkan.",
            "err.missing": "mohon diisi.", "err.category": "pilih salah satu dari daftar.", "err.tooLong": "persingkat menjadi paling banyak {} karakter.",
        ],
        "vi": [
            "report.title": "Đường dây tố giác ẩn danh", "report.intro": "Báo cho cảnh sát về mua bán người, tội phạm xâm hại phúc lợi trẻ em hoặc ngược đãi trẻ em mà không cần cho biết tên.",
            "danger": "Nếu có người đang gặp nguy hiểm, hãy gọi 110 (cảnh sát).", "anonymity": "Đừng viết tên của bạn. CTIP không lưu địa chỉ mạng, thông tin trình duyệt hay cookie của bạn.",
            "field.lang": "Ngôn ngữ", "field.category": "Về việc gì?", "field.prefecture": "Ở đâu (tỉnh)", "field.description": "Chuyện gì đã xảy ra? Ai, ở đâu, khi nào",
            "field.danger_now": "Có người đang nguy hiểm đến tính mạng", "submit": "Gửi tố giác", "choose": "Chọn…",
            "tip.trafficking": "Mua bán người (bị ép bán dâm hoặc lao động, bị lấy hộ chiếu hoặc tiền)", "tip.child_welfare": "Tội phạm xâm hại phúc lợi trẻ em", "tip.child_abuse": "Ngược đãi trẻ em", "tip.other": "Việc khác",
            "thanks": "Cảm ơn bạn. Tố giác của bạn đã được tiếp nhận.", "receipt": "Số tiếp nhận", "passcode": "Mã bí mật",
            "keep": "Hãy ghi lại cả hai ngay. Mã bí mật chỉ hiển thị một lần này và không thể lấy lại.",
            "err.missing": "vui lòng điền mục này.", "err.category": "vui lòng chọn trong danh sách.", "err.tooLong": "vui lòng rút ngắn còn tối đa {} ký tự.",
        ],
        "pt": [
            "report.title": "Linha de denúncia anônima", "report.intro": "Informe a polícia sobre tráfico de pessoas, crimes contra o bem-estar infantil ou abuso infantil, sem dar seu nome.",
            "danger": "Se alguém está em perigo agora, ligue 110 (polícia).", "anonymity": "Não escreva seu nome. O CTIP não guarda seu endereço de rede, dados do navegador nem cookies.",
            "field.lang": "Idioma", "field.category": "Sobre o quê?", "field.prefecture": "Onde (província)", "field.description": "O que aconteceu? Quem, onde, quando",
            "field.danger_now": "A vida de alguém está em perigo agora", "submit": "Enviar a denúncia", "choose": "Escolha…",
            "tip.trafficking": "Tráfico de pessoas (sexo ou trabalho forçado, passaporte ou dinheiro retidos)", "tip.child_welfare": "Crimes contra o bem-estar infantil", "tip.child_abuse": "Abuso infantil", "tip.other": "Outro assunto",
            "thanks": "Obrigado. Sua denúncia foi recebida.", "receipt": "Número do recibo", "passcode": "Código secreto",
            "keep": "Anote os dois agora. O código é mostrado só desta vez e não pode ser recuperado.",
            "err.missing": "preencha este campo.", "err.category": "escolha uma das categorias da lista.", "err.tooLong": "reduza para no máximo {} caracteres.",
        ],
    ]
}
