/// The questions a frontline worker asks when screening someone against Article 3, grouped by the
/// element they inform, in Japanese, English, the other eight languages of the police leaflet (the
/// seed's section 4 (2)) and Portuguese. The person reads and answers in their own language; the worker
/// reads the same question in Japanese or English beside it, and records the answer in the screening
/// form, whose field each question names (`InterviewQuestion.informs`).
///
/// The wording is plain on purpose: short sentences, no legal terms, one fact per question, asked so
/// that "yes" is the sign to record.
public enum InterviewSheet {
    /// The sheet's languages, in the leaflet's order (the help page offers the same ones first).
    public static let languages = ["ja", "en", "zh", "ko", "es", "ru", "th", "tl", "id", "vi", "pt"]

    /// Languages not written in the Latin alphabet: a text in them that reads like the English one
    /// was left untranslated by mistake.
    public static let nonLatinLanguages: Set<String> = ["ja", "zh", "ko", "ru", "th"]

    public enum Section: String, CaseIterable, Sendable {
        case aboutYou = "about_you", act, means, purpose, consent
    }

    /// What a "yes" to a question lets the worker record.
    public enum Informs: Sendable, Equatable {
        case act(Article3.Act)
        case means(Article3.Means)
        case control(ControlMethod)
        case purpose(Article3.Purpose)
        case age
        case nationality
        case consent

        /// The screening form's field for it (`ScreeningForm`).
        public var formField: String {
            switch self {
            case .act(let act): "act_\(act.rawValue)"
            case .means(let means): "means_\(means.rawValue)"
            case .control(let method): "control_\(method.rawValue)"
            case .purpose(let purpose): "purpose_\(purpose.rawValue)"
            case .age: "age"
            case .nationality: "nationality"
            case .consent: "says_they_consented"
            }
        }
    }

    public struct Question: Sendable {
        public let id: String
        public let section: Section
        public let informs: Informs
        /// The question by language code.
        public let text: [String: String]
    }

    public static func sections() -> [(Section, [Question])] {
        Section.allCases.map { section in (section, questions.filter { $0.section == section }) }
    }

    /// The question in `language`, or nil when the sheet does not speak it.
    public static func text(_ question: Question, _ language: String) -> String? { question.text[language] }

    /// The sheet's own words (title, instructions, section headings, answer boxes) by key and language.
    public static func word(_ key: String, _ language: String) -> String { words[key]?[language] ?? words[key]?["en"] ?? key }

    private static func q(_ id: String, _ section: Section, _ informs: Informs, _ texts: [String]) -> Question {
        precondition(texts.count == languages.count, "\(id): one text per language")
        return Question(id: id, section: section, informs: informs, text: Dictionary(uniqueKeysWithValues: zip(languages, texts)))
    }

    private static func w(_ texts: [String]) -> [String: String] {
        precondition(texts.count == languages.count)
        return Dictionary(uniqueKeysWithValues: zip(languages, texts))
    }

    //                                   ja, en, zh, ko, es, ru, th, tl, id, vi, pt
    public static let words: [String: [String: String]] = [
        "title": w(["聞き取りシート", "Interview sheet", "询问表", "면담지", "Hoja de entrevista", "Лист беседы", "แบบสัมภาษณ์",
                    "Papel ng panayam", "Lembar wawancara", "Phiếu phỏng vấn", "Folha de entrevista"]),
        "intro": w(["あなたを守るための質問です。答えたくない質問には答えなくてかまいません。わからないときは聞いてください。",
                    "These questions are to help protect you. You do not have to answer a question you do not want to answer. Ask if anything is unclear.",
                    "这些问题是为了保护您。不想回答的问题可以不回答。如有不明白的地方，请提问。",
                    "이 질문들은 당신을 보호하기 위한 것입니다. 답하고 싶지 않은 질문에는 답하지 않아도 됩니다. 모르는 것이 있으면 물어보세요.",
                    "Estas preguntas son para ayudar a protegerle. No tiene que responder a ninguna pregunta que no quiera. Pregunte si algo no está claro.",
                    "Эти вопросы нужны, чтобы защитить вас. Вы можете не отвечать на вопрос, если не хотите. Спросите, если что-то непонятно.",
                    "คำถามเหล่านี้มีไว้เพื่อช่วยปกป้องคุณ คุณไม่ต้องตอบคำถามที่ไม่อยากตอบ ถ้าไม่เข้าใจ ถามได้เลย",
                    "Ang mga tanong na ito ay para tulungan kang maprotektahan. Hindi mo kailangang sagutin ang tanong na ayaw mong sagutin. Magtanong kung may hindi malinaw.",
                    "Pertanyaan ini untuk membantu melindungi Anda. Anda tidak wajib menjawab pertanyaan yang tidak ingin Anda jawab. Tanyakan jika ada yang tidak jelas.",
                    "Những câu hỏi này nhằm giúp bảo vệ bạn. Bạn không cần trả lời câu hỏi mà bạn không muốn trả lời. Hãy hỏi nếu có điều gì chưa rõ.",
                    "Estas perguntas servem para ajudar a proteger você. Você não precisa responder a uma pergunta se não quiser. Pergunte se algo não estiver claro."]),
        "yes": w(["はい", "Yes", "是", "예", "Sí", "Да", "ใช่", "Oo", "Ya", "Có", "Sim"]),
        "no": w(["いいえ", "No", "否", "아니요", "No", "Нет", "ไม่ใช่", "Hindi", "Tidak", "Không", "Não"]),
        "unsure": w(["わからない", "Not sure", "不确定", "모르겠음", "No sé", "Не знаю", "ไม่แน่ใจ", "Hindi sigurado", "Tidak tahu", "Không chắc", "Não sei"]),
        "section.about_you": w(["あなたについて", "About you", "关于您", "당신에 대해", "Sobre usted", "О вас", "เกี่ยวกับคุณ",
                                "Tungkol sa iyo", "Tentang Anda", "Về bạn", "Sobre você"]),
        "section.act": w(["ここに来た経緯", "How you came here", "您是怎么来到这里的", "여기에 오게 된 경위", "Cómo llegó aquí", "Как вы сюда попали",
                          "คุณมาที่นี่ได้อย่างไร", "Paano ka napunta rito", "Bagaimana Anda datang ke sini", "Bạn đến đây như thế nào", "Como você chegou aqui"]),
        "section.means": w(["あなたが受けた扱い", "How you are treated", "您受到的对待", "당신이 받는 대우", "Cómo le tratan", "Как с вами обращаются",
                            "คุณถูกปฏิบัติอย่างไร", "Paano ka tinatrato", "Bagaimana Anda diperlakukan", "Bạn bị đối xử như thế nào", "Como você é tratado"]),
        "section.purpose": w(["させられていること", "What you are made to do", "您被迫做什么", "강제로 하게 되는 일", "Lo que le obligan a hacer",
                              "Что вас заставляют делать", "สิ่งที่คุณถูกบังคับให้ทำ", "Ano ang ipinapagawa sa iyo", "Apa yang dipaksakan kepada Anda",
                              "Những việc bạn bị buộc phải làm", "O que obrigam você a fazer"]),
        "section.consent": w(["同意について", "Your agreement", "关于您的同意", "동의에 대해", "Su acuerdo", "Ваше согласие", "ความยินยอมของคุณ",
                              "Ang iyong pagpayag", "Persetujuan Anda", "Sự đồng ý của bạn", "O seu consentimento"]),
    ]

    //                                   ja, en, zh, ko, es, ru, th, tl, id, vi, pt
    public static let questions: [Question] = [
        q("age", .aboutYou, .age, [
            "何歳ですか。生年月日を教えてください。", "How old are you? What is your date of birth?", "您几岁？您的出生日期是哪天？",
            "몇 살입니까? 생년월일을 알려 주세요.", "¿Cuántos años tiene? ¿Cuál es su fecha de nacimiento?", "Сколько вам лет? Какая у вас дата рождения?",
            "คุณอายุเท่าไร วันเกิดของคุณคือวันที่เท่าไร", "Ilang taon ka na? Kailan ang iyong kaarawan?", "Berapa umur Anda? Kapan tanggal lahir Anda?",
            "Bạn bao nhiêu tuổi? Ngày sinh của bạn là ngày nào?", "Quantos anos você tem? Qual é a sua data de nascimento?"]),
        q("nationality", .aboutYou, .nationality, [
            "どこの国の国籍ですか。", "What is your nationality?", "您是哪国国籍？", "국적이 어디입니까?", "¿Cuál es su nacionalidad?",
            "Какое у вас гражданство?", "คุณมีสัญชาติอะไร", "Ano ang iyong nasyonalidad?", "Apa kewarganegaraan Anda?",
            "Bạn mang quốc tịch nước nào?", "Qual é a sua nacionalidade?"]),

        q("act.recruitment", .act, .act(.recruitment), [
            "誰かにこの仕事を紹介されたり、誘われたりしましたか。", "Did someone offer you this job or persuade you to take it?",
            "是否有人向您介绍或劝说您做这份工作？", "누군가가 이 일을 소개하거나 권유했습니까?", "¿Alguien le ofreció este trabajo o le convenció para aceptarlo?",
            "Кто-то предложил вам эту работу или уговорил вас на неё?", "มีคนเสนองานนี้ให้คุณหรือชักชวนให้คุณมาทำงานนี้หรือไม่",
            "May nag-alok ba sa iyo ng trabahong ito o humikayat sa iyo na tanggapin ito?", "Apakah ada orang yang menawarkan atau membujuk Anda untuk pekerjaan ini?",
            "Có ai giới thiệu hoặc rủ bạn làm công việc này không?", "Alguém ofereceu este trabalho a você ou convenceu você a aceitá-lo?"]),
        q("act.transportation", .act, .act(.transportation), [
            "誰かがあなたをここまで連れて来たり、旅費を払ったりしましたか。", "Did someone bring you here, or pay or arrange your travel?",
            "是否有人带您来这里，或为您支付、安排路费？", "누군가가 당신을 여기까지 데려오거나 여비를 내 주거나 마련해 주었습니까?",
            "¿Alguien le trajo aquí, o pagó u organizó su viaje?", "Кто-то привёз вас сюда, оплатил или организовал вашу поездку?",
            "มีคนพาคุณมาที่นี่ หรือจ่ายเงินหรือจัดการเรื่องการเดินทางให้คุณหรือไม่", "May nagdala ba sa iyo rito, o nagbayad o nag-ayos ng iyong biyahe?",
            "Apakah ada orang yang membawa Anda ke sini, atau membayar atau mengatur perjalanan Anda?", "Có ai đưa bạn đến đây, hoặc trả tiền hay sắp xếp chuyến đi cho bạn không?",
            "Alguém trouxe você até aqui, ou pagou ou organizou a sua viagem?"]),
        q("act.transfer", .act, .act(.transfer), [
            "別の人や別の店・職場に引き渡されたり、売られたりしたことがありますか。", "Were you ever handed over or sold to another person or another workplace?",
            "您是否曾被转交或卖给别人或别的工作场所？", "다른 사람이나 다른 가게·일터에 넘겨지거나 팔린 적이 있습니까?",
            "¿Alguna vez le entregaron o vendieron a otra persona o a otro lugar de trabajo?", "Вас когда-нибудь передавали или продавали другому человеку или на другое место работы?",
            "คุณเคยถูกส่งต่อหรือถูกขายให้คนอื่นหรือที่ทำงานอื่นหรือไม่", "Naipasa o naibenta ka na ba sa ibang tao o ibang pinagtatrabahuhan?",
            "Apakah Anda pernah diserahkan atau dijual kepada orang lain atau tempat kerja lain?", "Bạn đã bao giờ bị giao lại hoặc bị bán cho người khác hay nơi làm việc khác chưa?",
            "Você já foi entregue ou vendido a outra pessoa ou a outro local de trabalho?"]),
        q("act.harbouring", .act, .act(.harbouring), [
            "住む場所や泊まる場所を、誰かに決められていますか。", "Does someone decide where you live or stay?",
            "您住在哪里是由别人决定的吗？", "누군가가 당신이 사는 곳이나 머무는 곳을 정합니까?", "¿Alguien decide dónde vive o se aloja usted?",
            "Кто-то решает, где вы живёте или остаётесь?", "มีคนกำหนดว่าคุณต้องอยู่หรือพักที่ไหนหรือไม่", "May nagpapasya ba kung saan ka titira o mananatili?",
            "Apakah ada orang yang menentukan di mana Anda tinggal atau menginap?", "Có ai quyết định nơi bạn sống hoặc ở không?",
            "Alguém decide onde você mora ou fica?"]),
        q("act.receipt", .act, .act(.receipt), [
            "到着したとき、誰かに迎えられ、仕事場に連れて行かれましたか。", "When you arrived, did someone meet you and take you to the work?",
            "您到达时，是否有人接您并把您带到工作的地方？", "도착했을 때 누군가가 마중 나와 일하는 곳으로 데려갔습니까?",
            "Cuando llegó, ¿alguien le recibió y le llevó al trabajo?", "Когда вы приехали, вас кто-то встретил и отвёз на работу?",
            "ตอนที่คุณมาถึง มีคนมารับและพาคุณไปที่ทำงานหรือไม่", "Pagdating mo, may sumalubong ba sa iyo at nagdala sa iyo sa trabaho?",
            "Saat Anda tiba, apakah ada orang yang menjemput dan membawa Anda ke tempat kerja?", "Khi bạn đến nơi, có ai đón và đưa bạn đến chỗ làm không?",
            "Quando você chegou, alguém recebeu você e levou você para o trabalho?"]),

        q("means.abduction", .means, .means(.abduction), [
            "無理やり、または意に反して連れ去られたことがありますか。", "Were you ever taken away by force or against your will?",
            "您是否曾被强行或违背您的意愿带走？", "강제로 또는 당신의 뜻에 반해 끌려간 적이 있습니까?", "¿Alguna vez se lo llevaron a la fuerza o contra su voluntad?",
            "Вас когда-нибудь увозили силой или против вашей воли?", "คุณเคยถูกพาตัวไปโดยใช้กำลังหรือโดยที่คุณไม่เต็มใจหรือไม่",
            "Tinangay ka na ba nang sapilitan o labag sa iyong kalooban?", "Apakah Anda pernah dibawa pergi secara paksa atau di luar kehendak Anda?",
            "Bạn đã bao giờ bị bắt đi bằng vũ lực hoặc trái với ý muốn của bạn chưa?", "Você já foi levado à força ou contra a sua vontade?"]),
        q("means.payment", .means, .means(.paymentToPersonInControl), [
            "あなたを連れて来るために、誰かが親や夫、その他あなたを支配する人にお金を払いましたか。",
            "Did someone pay money to your parents, your husband or another person in charge of you, to get you?",
            "是否有人为了得到您，付钱给您的父母、丈夫或其他管着您的人？", "누군가가 당신을 데려가려고 부모나 남편, 또는 당신을 책임지는 다른 사람에게 돈을 주었습니까?",
            "¿Alguien pagó dinero a sus padres, a su marido o a otra persona a cargo de usted para llevarle?",
            "Кто-то платил деньги вашим родителям, мужу или другому человеку, от которого вы зависите, чтобы забрать вас?",
            "มีคนจ่ายเงินให้พ่อแม่ สามี หรือคนอื่นที่ดูแลคุณ เพื่อให้ได้ตัวคุณมาหรือไม่",
            "May nagbayad ba sa iyong mga magulang, asawa o ibang taong may hawak sa iyo, para makuha ka?",
            "Apakah ada orang yang membayar orang tua, suami, atau orang lain yang berkuasa atas Anda, untuk mendapatkan Anda?",
            "Có ai trả tiền cho cha mẹ, chồng hoặc người khác đang quản lý bạn để có được bạn không?",
            "Alguém pagou dinheiro aos seus pais, ao seu marido ou a outra pessoa responsável por você, para levar você?"]),
        q("control.PhysicalThreats", .means, .control(.physicalThreats), [
            "誰かに、けがをさせると脅されたことがありますか。", "Has anyone threatened to hurt you?", "是否有人威胁要伤害您？",
            "누군가가 당신을 해치겠다고 위협한 적이 있습니까?", "¿Alguien le ha amenazado con hacerle daño?", "Кто-нибудь угрожал причинить вам вред?",
            "มีใครขู่ว่าจะทำร้ายคุณหรือไม่", "May nagbanta na bang saktan ka?", "Apakah ada orang yang mengancam akan menyakiti Anda?",
            "Có ai đe dọa sẽ làm hại bạn không?", "Alguém já ameaçou machucar você?"]),
        q("control.PhysicalAbuse", .means, .control(.physicalAbuse), [
            "誰かに殴られたり、体を傷つけられたりしたことがありますか。", "Has anyone hit you or hurt your body?", "是否有人打过您或伤害过您的身体？",
            "누군가가 당신을 때리거나 몸을 다치게 한 적이 있습니까?", "¿Alguien le ha golpeado o le ha hecho daño físico?", "Кто-нибудь бил вас или причинял боль вашему телу?",
            "มีใครตีหรือทำร้ายร่างกายคุณหรือไม่", "May pumalo o nanakit na ba sa iyong katawan?", "Apakah ada orang yang memukul atau melukai tubuh Anda?",
            "Có ai đánh bạn hoặc làm tổn thương cơ thể bạn không?", "Alguém já bateu em você ou machucou o seu corpo?"]),
        q("control.SexualAbuse", .means, .control(.sexualAbuse), [
            "望まない性的な行為を強いられたことがありますか。", "Has anyone forced you into sexual acts you did not want?", "是否有人强迫您进行您不愿意的性行为？",
            "원하지 않는 성적인 행위를 강요당한 적이 있습니까?", "¿Alguien le ha obligado a actos sexuales que usted no quería?",
            "Кто-нибудь принуждал вас к сексуальным действиям, которых вы не хотели?", "มีใครบังคับให้คุณทำกิจกรรมทางเพศที่คุณไม่ต้องการหรือไม่",
            "May pumilit na ba sa iyo sa sekswal na gawain na ayaw mo?", "Apakah ada orang yang memaksa Anda melakukan tindakan seksual yang tidak Anda inginkan?",
            "Có ai ép bạn thực hiện hành vi tình dục mà bạn không muốn không?", "Alguém já forçou você a atos sexuais que você não queria?"]),
        q("control.PsychologicalAbuse", .means, .control(.psychologicalAbuse), [
            "怒鳴られたり、ばかにされたり、怖がらせられたりして、言うことを聞かされていますか。",
            "Does anyone shout at you, shame you or frighten you to make you obey?", "是否有人对您吼叫、羞辱您或吓唬您，逼您听话？",
            "누군가가 소리치거나 모욕하거나 겁을 주어서 말을 듣게 합니까?", "¿Alguien le grita, le humilla o le asusta para que obedezca?",
            "Кто-нибудь кричит на вас, унижает или запугивает, чтобы вы подчинялись?", "มีใครตะคอก ทำให้อับอาย หรือขู่ให้กลัว เพื่อให้คุณเชื่อฟังหรือไม่",
            "May sumisigaw ba sa iyo, nagpapahiya o nananakot para sumunod ka?", "Apakah ada orang yang membentak, mempermalukan, atau menakut-nakuti Anda agar Anda menurut?",
            "Có ai quát mắng, làm nhục hoặc dọa nạt để bắt bạn nghe lời không?", "Alguém grita com você, humilha ou assusta você para que você obedeça?"]),
        q("control.ThreatsToFamily", .means, .control(.threatsToFamily), [
            "家族や親しい人に危害を加えると脅されたことがありますか。", "Has anyone threatened your family or people close to you?",
            "是否有人威胁您的家人或亲近的人？", "누군가가 당신의 가족이나 가까운 사람을 해치겠다고 위협한 적이 있습니까?",
            "¿Alguien ha amenazado a su familia o a personas cercanas a usted?", "Кто-нибудь угрожал вашей семье или близким вам людям?",
            "มีใครขู่ครอบครัวหรือคนใกล้ชิดของคุณหรือไม่", "May nagbanta na ba sa iyong pamilya o sa mga taong malapit sa iyo?",
            "Apakah ada orang yang mengancam keluarga atau orang-orang dekat Anda?", "Có ai đe dọa gia đình hoặc những người thân thiết của bạn không?",
            "Alguém já ameaçou a sua família ou pessoas próximas de você?"]),
        q("control.ThreatOfLawEnforcement", .means, .control(.threatOfLawEnforcement), [
            "誰かに話したら警察や入管に捕まる、国に帰される、と言われましたか。",
            "Were you told that the police or immigration would arrest you or send you home if you spoke out?",
            "是否有人告诉您，如果您说出去，警察或入境管理局会逮捕您或把您遣送回国？",
            "누군가에게 말하면 경찰이나 출입국관리국에 잡히거나 본국으로 보내진다는 말을 들었습니까?",
            "¿Le dijeron que la policía o inmigración le detendría o le enviaría a su país si usted hablaba?",
            "Вам говорили, что если вы расскажете, полиция или миграционная служба арестует вас или вышлет домой?",
            "มีคนบอกคุณหรือไม่ว่า ถ้าคุณบอกใคร ตำรวจหรือตรวจคนเข้าเมืองจะจับคุณหรือส่งคุณกลับประเทศ",
            "Sinabihan ka ba na aarestuhin ka ng pulis o ng immigration o pauuwiin ka kapag nagsalita ka?",
            "Apakah Anda diberi tahu bahwa polisi atau imigrasi akan menangkap atau memulangkan Anda jika Anda bercerita?",
            "Bạn có bị nói rằng nếu bạn kể ra, cảnh sát hoặc cơ quan xuất nhập cảnh sẽ bắt bạn hoặc đưa bạn về nước không?",
            "Disseram a você que a polícia ou a imigração iria prender você ou mandar você de volta se você contasse?"]),
        q("control.DebtBondage", .means, .control(.debtBondage), [
            "雇い主や仲介者に借金があって、それを返すまでやめられないと言われていますか。",
            "Do you owe money to your employer or the people who brought you, and are you told you cannot leave until it is paid?",
            "您是否欠雇主或带您来的人的钱，并被告知还清之前不能离开？",
            "고용주나 당신을 데려온 사람에게 빚이 있고, 다 갚을 때까지 그만둘 수 없다는 말을 들었습니까?",
            "¿Debe dinero a su empleador o a quienes le trajeron, y le dicen que no puede irse hasta pagarlo?",
            "Вы должны деньги работодателю или тем, кто вас привёз, и вам говорят, что вы не можете уйти, пока не выплатите долг?",
            "คุณเป็นหนี้นายจ้างหรือคนที่พาคุณมา และถูกบอกว่าจะออกไปไม่ได้จนกว่าจะใช้หนี้หมดหรือไม่",
            "May utang ka ba sa iyong amo o sa mga nagdala sa iyo, at sinabihan ka bang hindi ka makakaalis hangga't hindi mo ito nababayaran?",
            "Apakah Anda berutang kepada majikan atau orang yang membawa Anda, dan diberi tahu bahwa Anda tidak boleh pergi sebelum lunas?",
            "Bạn có nợ tiền chủ hoặc những người đã đưa bạn đến, và bị nói rằng không được bỏ đi cho đến khi trả hết nợ không?",
            "Você deve dinheiro ao seu empregador ou a quem trouxe você, e dizem que você não pode sair até pagar?"]),
        q("control.TakesEarnings", .means, .control(.takesEarnings), [
            "あなたが稼いだお金を、誰かが取り上げていますか。", "Does someone take the money you earn?", "是否有人拿走您挣的钱？",
            "누군가가 당신이 번 돈을 가져갑니까?", "¿Alguien se queda con el dinero que usted gana?", "Кто-нибудь забирает деньги, которые вы зарабатываете?",
            "มีใครเอาเงินที่คุณหาได้ไปหรือไม่", "May kumukuha ba ng perang kinikita mo?", "Apakah ada orang yang mengambil uang hasil kerja Anda?",
            "Có ai lấy số tiền bạn kiếm được không?", "Alguém fica com o dinheiro que você ganha?"]),
        q("control.WithholdsWages", .means, .control(.withholdsWages), [
            "約束より少ない給料しかもらえない、または給料をもらえないことがありますか。", "Are you paid less than you were promised, or not paid at all?",
            "您得到的工资是否比承诺的少，或者根本没有工资？", "약속보다 적은 임금을 받거나 임금을 전혀 받지 못합니까?",
            "¿Le pagan menos de lo prometido, o no le pagan nada?", "Вам платят меньше, чем обещали, или не платят совсем?",
            "คุณได้รับค่าจ้างน้อยกว่าที่สัญญาไว้ หรือไม่ได้รับเลยหรือไม่", "Mas mababa ba ang ibinabayad sa iyo kaysa sa ipinangako, o hindi ka binabayaran?",
            "Apakah Anda dibayar lebih sedikit dari yang dijanjikan, atau tidak dibayar sama sekali?", "Bạn có bị trả lương thấp hơn đã hứa, hoặc hoàn toàn không được trả lương không?",
            "Você recebe menos do que foi prometido, ou não recebe nada?"]),
        q("control.RestrictsFinancialAccess", .means, .control(.restrictsFinancialAccess), [
            "通帳やキャッシュカードを誰かに取られたり、自分のお金を自由に使えなかったりしますか。",
            "Does someone keep your bank book or bank card, or stop you from using your own money?",
            "是否有人拿着您的存折或银行卡，或不让您使用自己的钱？", "누군가가 통장이나 카드를 가지고 있거나 당신이 자기 돈을 쓰지 못하게 합니까?",
            "¿Alguien guarda su libreta o tarjeta del banco, o no le deja usar su propio dinero?",
            "Кто-нибудь держит у себя вашу сберкнижку или банковскую карту или не даёт вам пользоваться своими деньгами?",
            "มีใครเก็บสมุดบัญชีหรือบัตรธนาคารของคุณไว้ หรือไม่ให้คุณใช้เงินของตัวเองหรือไม่",
            "May nagtatago ba ng iyong bank book o bank card, o pumipigil sa iyo na gamitin ang sarili mong pera?",
            "Apakah ada orang yang menyimpan buku tabungan atau kartu bank Anda, atau melarang Anda memakai uang Anda sendiri?",
            "Có ai giữ sổ ngân hàng hay thẻ ngân hàng của bạn, hoặc không cho bạn dùng tiền của chính mình không?",
            "Alguém guarda a sua caderneta ou cartão do banco, ou impede você de usar o seu próprio dinheiro?"]),
        q("control.WithholdsDocuments", .means, .control(.withholdsDocuments), [
            "パスポートや在留カードなどの書類を、誰かに取り上げられていますか。", "Does someone else keep your passport, residence card or other papers?",
            "您的护照、在留卡或其他证件是否被别人拿走保管？", "누군가가 당신의 여권이나 재류카드 등 서류를 가지고 있습니까?",
            "¿Otra persona guarda su pasaporte, su tarjeta de residencia u otros documentos?",
            "Ваш паспорт, карта резидента или другие документы находятся у кого-то другого?",
            "มีคนอื่นเก็บหนังสือเดินทาง บัตรผู้พำนัก หรือเอกสารอื่นของคุณไว้หรือไม่", "May ibang tao bang may hawak ng iyong pasaporte, residence card o iba pang papeles?",
            "Apakah orang lain menyimpan paspor, kartu izin tinggal, atau dokumen Anda yang lain?",
            "Có người khác giữ hộ chiếu, thẻ cư trú hoặc giấy tờ khác của bạn không?", "Outra pessoa guarda o seu passaporte, o seu cartão de residência ou outros documentos?"]),
        q("control.RestrictsMovement", .means, .control(.restrictsMovement), [
            "閉じ込められたり、見張られたり、一人で外出できなかったりしますか。", "Are you locked in, watched, or not allowed to go out alone?",
            "您是否被关起来、被监视，或不准独自外出？", "갇혀 있거나 감시당하거나 혼자 외출할 수 없습니까?", "¿Le encierran, le vigilan o no le dejan salir solo o sola?",
            "Вас запирают, за вами следят или вам не разрешают выходить одному?", "คุณถูกขังไว้ ถูกเฝ้าดู หรือไม่ได้รับอนุญาตให้ออกไปข้างนอกคนเดียวหรือไม่",
            "Ikinukulong ka ba, binabantayan, o hindi pinapayagang lumabas nang mag-isa?", "Apakah Anda dikurung, diawasi, atau tidak boleh keluar sendirian?",
            "Bạn có bị nhốt, bị canh chừng hoặc không được phép ra ngoài một mình không?", "Você fica trancado, é vigiado ou não pode sair sozinho?"]),
        q("control.FalsePromises", .means, .control(.falsePromises), [
            "仕事の内容や給料が、聞いていた話と違いますか。", "Is the work or the pay different from what you were promised?",
            "工作内容或工资是否与当初承诺的不一样？", "일의 내용이나 임금이 약속받은 것과 다릅니까?", "¿El trabajo o el sueldo son diferentes de lo que le prometieron?",
            "Работа или оплата отличаются от того, что вам обещали?", "งานหรือค่าจ้างแตกต่างจากที่เคยสัญญาไว้กับคุณหรือไม่",
            "Iba ba ang trabaho o ang sahod sa ipinangako sa iyo?", "Apakah pekerjaan atau gajinya berbeda dari yang dijanjikan kepada Anda?",
            "Công việc hoặc tiền lương có khác với những gì đã hứa với bạn không?", "O trabalho ou o salário são diferentes do que prometeram a você?"]),
        q("control.AbusesVulnerability", .means, .control(.abusesVulnerability), [
            "お金がない、書類がない、頼れる人がいない、言葉がわからない、といった弱い立場につけこまれましたか。",
            "Did someone take advantage of your situation, such as having no money, no papers, no one to turn to, or not knowing the language?",
            "是否有人利用您的困境，例如没有钱、没有证件、无依无靠或不懂语言？",
            "돈이 없거나, 서류가 없거나, 의지할 사람이 없거나, 말을 모르는 등의 약한 처지를 누군가가 이용했습니까?",
            "¿Alguien se aprovechó de su situación, por ejemplo, no tener dinero, ni papeles, ni a quién acudir, o no saber el idioma?",
            "Кто-нибудь воспользовался вашим положением: отсутствием денег или документов, тем, что вам не к кому обратиться, или тем, что вы не знаете языка?",
            "มีใครฉวยโอกาสจากสถานการณ์ของคุณ เช่น ไม่มีเงิน ไม่มีเอกสาร ไม่มีใครให้พึ่ง หรือไม่รู้ภาษาหรือไม่",
            "May nagsamantala ba sa iyong kalagayan, gaya ng walang pera, walang papeles, walang malapitan, o hindi marunong ng wika?",
            "Apakah ada orang yang memanfaatkan keadaan Anda, misalnya tidak punya uang, tidak punya dokumen, tidak ada tempat mengadu, atau tidak mengerti bahasanya?",
            "Có ai lợi dụng hoàn cảnh của bạn, như không có tiền, không có giấy tờ, không có ai để nhờ cậy, hoặc không biết tiếng không?",
            "Alguém se aproveitou da sua situação, como não ter dinheiro, nem documentos, nem a quem recorrer, ou não saber a língua?"]),
        q("control.PsychoactiveSubstances", .means, .control(.psychoactiveSubstances), [
            "お酒や薬物を無理に飲まされたり、使わされたりしたことがありますか。", "Has anyone made you drink alcohol or take drugs?",
            "是否有人强迫您喝酒或吸毒？", "누군가가 억지로 술을 마시게 하거나 약물을 쓰게 한 적이 있습니까?", "¿Alguien le ha obligado a beber alcohol o a tomar drogas?",
            "Кто-нибудь заставлял вас пить алкоголь или принимать наркотики?", "มีใครบังคับให้คุณดื่มเหล้าหรือใช้ยาเสพติดหรือไม่",
            "May pumilit na ba sa iyo na uminom ng alak o gumamit ng droga?", "Apakah ada orang yang memaksa Anda minum alkohol atau memakai narkoba?",
            "Có ai ép bạn uống rượu hoặc dùng ma túy không?", "Alguém já obrigou você a beber álcool ou usar drogas?"]),
        q("control.WithholdsNecessities", .means, .control(.withholdsNecessities), [
            "食事、水、睡眠や休みを十分にもらえないことがありますか。", "Are you kept without enough food, water, sleep or rest?",
            "您是否得不到足够的食物、水、睡眠或休息？", "음식, 물, 잠이나 휴식을 충분히 받지 못합니까?", "¿Le privan de suficiente comida, agua, sueño o descanso?",
            "Вам не дают достаточно еды, воды, сна или отдыха?", "คุณไม่ได้รับอาหาร น้ำ การนอน หรือการพักผ่อนอย่างเพียงพอหรือไม่",
            "Pinagkakaitan ka ba ng sapat na pagkain, tubig, tulog o pahinga?", "Apakah Anda tidak diberi cukup makanan, air, tidur, atau istirahat?",
            "Bạn có bị thiếu thức ăn, nước uống, giấc ngủ hoặc thời gian nghỉ không?", "Você fica sem comida, água, sono ou descanso suficientes?"]),
        q("control.ExcessiveWorkingHours", .means, .control(.excessiveWorkingHours), [
            "とても長い時間、または休みの日なしで働かされていますか。", "Are you made to work very long hours, or without days off?",
            "您是否被迫长时间工作，或者没有休息日？", "아주 긴 시간 동안, 또는 쉬는 날 없이 일해야 합니까?", "¿Le obligan a trabajar muchísimas horas o sin días libres?",
            "Вас заставляют работать очень долго или без выходных?", "คุณถูกบังคับให้ทำงานนานมาก หรือไม่มีวันหยุดหรือไม่",
            "Pinagtatrabaho ka ba nang napakahabang oras, o walang day off?", "Apakah Anda dipaksa bekerja sangat lama atau tanpa hari libur?",
            "Bạn có bị buộc làm việc rất nhiều giờ hoặc không có ngày nghỉ không?", "Obrigam você a trabalhar muitas horas, ou sem dias de folga?"]),
        q("control.RestrictsMedicalCare", .means, .control(.restrictsMedicalCare), [
            "病気やけがのとき、病院に行かせてもらえなかったことがありますか。", "When you were ill or hurt, were you stopped from seeing a doctor?",
            "您生病或受伤时，是否被禁止去看医生？", "아프거나 다쳤을 때 병원에 가지 못하게 한 적이 있습니까?", "Cuando estuvo enfermo o herido, ¿le impidieron ir al médico?",
            "Когда вы болели или были ранены, вам не давали обратиться к врачу?", "เมื่อคุณป่วยหรือบาดเจ็บ คุณถูกห้ามไม่ให้ไปหาหมอหรือไม่",
            "Noong ikaw ay may sakit o nasaktan, pinigilan ka bang magpatingin sa doktor?", "Ketika Anda sakit atau terluka, apakah Anda dilarang pergi ke dokter?",
            "Khi bạn bị ốm hoặc bị thương, bạn có bị ngăn không cho đi khám bác sĩ không?", "Quando você esteve doente ou ferido, impediram você de ir ao médico?"]),

        q("purpose.prostitution", .purpose, .purpose(.prostitutionOfOthers), [
            "客と性行為をすること、売春をすることをさせられていますか。", "Are you made to have sex with customers, or to sell sex?",
            "您是否被迫与客人发生性关系或卖淫？", "손님과 성관계를 하거나 성매매를 하도록 강요받습니까?", "¿Le obligan a tener relaciones sexuales con clientes o a prostituirse?",
            "Вас заставляют вступать в половые отношения с клиентами или заниматься проституцией?", "คุณถูกบังคับให้มีเพศสัมพันธ์กับลูกค้าหรือขายบริการทางเพศหรือไม่",
            "Pinipilit ka bang makipagtalik sa mga kostumer, o magbenta ng aliw?", "Apakah Anda dipaksa berhubungan seks dengan pelanggan atau menjual seks?",
            "Bạn có bị buộc quan hệ tình dục với khách hoặc bán dâm không?", "Obrigam você a ter relações sexuais com clientes ou a se prostituir?"]),
        q("purpose.sexual", .purpose, .purpose(.otherSexualExploitation), [
            "性的なショー、動画や写真の撮影など、ほかの性的なことをさせられていますか。",
            "Are you made to do other sexual things, such as sexual shows, videos or photos?",
            "您是否被迫做其他与性有关的事，例如色情表演、拍摄色情视频或照片？",
            "성적인 쇼나 영상·사진 촬영 등 다른 성적인 일을 하도록 강요받습니까?",
            "¿Le obligan a hacer otras cosas sexuales, como espectáculos, vídeos o fotos sexuales?",
            "Вас заставляют делать что-то другое сексуального характера, например, шоу, видео или фотографии?",
            "คุณถูกบังคับให้ทำเรื่องทางเพศอื่น ๆ เช่น การแสดงทางเพศ ถ่ายวิดีโอ หรือถ่ายภาพหรือไม่",
            "Pinipilit ka bang gumawa ng ibang sekswal na bagay, gaya ng mga sekswal na palabas, video o litrato?",
            "Apakah Anda dipaksa melakukan hal seksual lainnya, seperti pertunjukan, video, atau foto seksual?",
            "Bạn có bị buộc làm những việc tình dục khác, như biểu diễn, quay video hoặc chụp ảnh khiêu dâm không?",
            "Obrigam você a fazer outras coisas sexuais, como shows, vídeos ou fotos sexuais?"]),
        q("purpose.forcedLabour", .purpose, .purpose(.forcedLabourOrServices), [
            "断ったりやめたりできない仕事をさせられていますか。", "Are you made to do work that you cannot refuse or quit?",
            "您是否被迫做不能拒绝、也不能辞掉的工作？", "거절하거나 그만둘 수 없는 일을 하도록 강요받습니까?", "¿Le obligan a hacer un trabajo que no puede rechazar ni dejar?",
            "Вас заставляют выполнять работу, от которой вы не можете отказаться или уйти?", "คุณถูกบังคับให้ทำงานที่ปฏิเสธหรือลาออกไม่ได้หรือไม่",
            "Pinagtatrabaho ka ba sa trabahong hindi mo matanggihan o maiwan?", "Apakah Anda dipaksa melakukan pekerjaan yang tidak bisa Anda tolak atau tinggalkan?",
            "Bạn có bị buộc làm công việc mà bạn không thể từ chối hoặc bỏ không?", "Obrigam você a fazer um trabalho que não pode recusar nem largar?"]),
        q("purpose.servitude", .purpose, .purpose(.servitude), [
            "誰かの家に住み込み、自由なく働かされていますか。", "Are you made to live and work in someone's home without any freedom?",
            "您是否被迫住在别人家里干活，没有任何自由？", "누군가의 집에 살면서 자유 없이 일해야 합니까?", "¿Le obligan a vivir y trabajar en la casa de alguien sin ninguna libertad?",
            "Вас заставляют жить и работать в чужом доме без всякой свободы?", "คุณถูกบังคับให้อยู่และทำงานในบ้านของใครบางคนโดยไม่มีอิสระหรือไม่",
            "Pinipilit ka bang tumira at magtrabaho sa bahay ng iba nang walang kalayaan?", "Apakah Anda dipaksa tinggal dan bekerja di rumah seseorang tanpa kebebasan?",
            "Bạn có bị buộc sống và làm việc trong nhà người khác mà không có chút tự do nào không?", "Obrigam você a morar e trabalhar na casa de alguém sem nenhuma liberdade?"]),
        q("purpose.slavery", .purpose, .purpose(.slaveryOrSimilarPractices), [
            "物のように扱われたり、売り買いされたりしていますか。", "Are you treated like someone's property, or bought and sold?",
            "您是否被当作别人的财产对待，或被买卖？", "누군가의 물건처럼 취급되거나 사고팔립니까?", "¿Le tratan como si fuera propiedad de alguien, o le compran y venden?",
            "С вами обращаются как с чьей-то собственностью, вас покупают и продают?", "คุณถูกปฏิบัติเหมือนเป็นทรัพย์สินของใครบางคน หรือถูกซื้อขายหรือไม่",
            "Tinatrato ka ba na parang pag-aari ng iba, o ipinagbibili?", "Apakah Anda diperlakukan seperti barang milik seseorang, atau diperjualbelikan?",
            "Bạn có bị đối xử như tài sản của ai đó, hoặc bị mua bán không?", "Você é tratado como propriedade de alguém, ou comprado e vendido?"]),
        q("purpose.organs", .purpose, .purpose(.removalOfOrgans), [
            "臓器（腎臓など）を提供するよう求められたり、強いられたりしましたか。", "Has anyone asked or forced you to give an organ, such as a kidney?",
            "是否有人要求或强迫您捐出器官，例如肾脏？", "누군가가 신장 같은 장기를 내놓으라고 요구하거나 강요했습니까?",
            "¿Alguien le ha pedido u obligado a dar un órgano, como un riñón?", "Кто-нибудь просил или заставлял вас отдать орган, например, почку?",
            "มีใครขอหรือบังคับให้คุณให้อวัยวะ เช่น ไต หรือไม่", "May humingi o pumilit na ba sa iyo na ibigay ang isang organ, gaya ng bato?",
            "Apakah ada orang yang meminta atau memaksa Anda memberikan organ tubuh, seperti ginjal?",
            "Có ai yêu cầu hoặc ép bạn hiến một bộ phận cơ thể, như thận, không?", "Alguém pediu ou obrigou você a dar um órgão, como um rim?"]),

        q("consent", .consent, .consent, [
            "最初は、この仕事や話に同意していましたか。（同意していても、あなたが悪いわけではありません）",
            "At the start, did you agree to this work or plan? (Even if you did, it is not your fault.)",
            "一开始，您是否同意这份工作或安排？（即使您同意过，也不是您的错。）",
            "처음에는 이 일이나 계획에 동의했습니까? (동의했더라도 당신의 잘못이 아닙니다.)",
            "Al principio, ¿estuvo de acuerdo con este trabajo o plan? (Aunque lo estuviera, no es culpa suya.)",
            "Вначале вы соглашались на эту работу или план? (Даже если соглашались, вы не виноваты.)",
            "ตอนแรก คุณตกลงรับงานหรือแผนนี้หรือไม่ (แม้ว่าคุณจะเคยตกลง ก็ไม่ใช่ความผิดของคุณ)",
            "Sa simula, pumayag ka ba sa trabaho o planong ito? (Kahit pumayag ka, hindi mo ito kasalanan.)",
            "Pada awalnya, apakah Anda setuju dengan pekerjaan atau rencana ini? (Meskipun Anda setuju, itu bukan kesalahan Anda.)",
            "Lúc đầu, bạn có đồng ý với công việc hoặc kế hoạch này không? (Dù bạn đã đồng ý, đó không phải lỗi của bạn.)",
            "No início, você concordou com este trabalho ou plano? (Mesmo que tenha concordado, a culpa não é sua.)"]),
    ]
}
