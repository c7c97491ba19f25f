/// A language the corpus writes in: its tag, its name, and enough vocabulary in its own script
/// to make text that exercises what real translations exercise (multi-byte UTF-8, text without
/// spaces, right-to-left text, accented Latin letters).
///
/// The words are policy vocabulary, not grammar: the benchmark needs realistic bytes, scripts
/// and Markdown structure, not sentences a lawyer would sign.
public struct CorpusLanguage: Sendable, Equatable {
    /// The BCP 47 tag, as site.yml lists it and file names use it.
    public let tag: String
    /// The language's name in itself, for the language switcher.
    public let nativeName: String
    /// Words of running text; a sentence is a run of them.
    let words: [String]
    /// What separates words: a space, or nothing in Chinese and Japanese.
    let wordSeparator: String
    /// What ends a sentence, including the space that follows it where the script uses one.
    let sentenceEnd: String
    /// What separates two clauses of a sentence.
    let clauseSeparator: String
    /// Whether sentences and headings start with a capital letter.
    let capitalizes: Bool
    /// The word placed after a generated policy title ("Policy").
    let policyWord: String
    /// The site's title in this language.
    let siteTitle: String

    /// Every language the corpus can write, in the order sites take them: the first five make
    /// the 1,000-file corpus, all ten the 5,000-file one. English is first: the default language.
    public static let all: [CorpusLanguage] = [english, chinese, arabic, german, japanese, russian, french, korean, spanish, portuguese]

    /// The average UTF-8 length of a word with its separator, so that sentences in every script
    /// come out about the same number of bytes.
    var bytesPerWord: Double {
        let total = words.reduce(0) { $0 + $1.utf8.count + wordSeparator.utf8.count }
        return Double(total) / Double(words.count)
    }

    static let english = CorpusLanguage(
        tag: "en", nativeName: "English",
        words: ["we", "collect", "personal", "data", "information", "your", "account", "service", "use", "process",
                "share", "providers", "partners", "store", "securely", "request", "consent", "legal", "basis", "purpose",
                "retain", "delete", "access", "correct", "object", "transfer", "country", "safeguards", "contract", "law",
                "cookies", "device", "identifiers", "analytics", "payment", "billing", "support", "messages", "email", "notice",
                "period", "backup", "encryption", "breach", "authority", "complaint", "children", "parents", "age", "rights",
                "may", "will", "only", "when", "where", "including", "such", "as", "and", "or", "for", "with", "under", "within",
                "reasonable", "necessary", "limited", "applicable", "third", "parties", "customers", "users", "features", "settings"],
        wordSeparator: " ", sentenceEnd: ". ", clauseSeparator: ", ", capitalizes: true, policyWord: "Policy",
        siteTitle: "Example Corp Policies")

    static let chinese = CorpusLanguage(
        tag: "zh-Hans", nativeName: "简体中文",
        words: ["我们", "收集", "个人信息", "数据", "您的", "账户", "服务", "使用", "处理", "共享", "服务商", "合作伙伴",
                "存储", "安全地", "请求", "同意", "法律", "依据", "目的", "保留", "删除", "访问", "更正", "反对", "传输",
                "国家", "保障措施", "合同", "法规", "设备", "标识符", "分析", "付款", "账单", "支持", "消息", "电子邮件",
                "通知", "期限", "备份", "加密", "泄露", "监管机构", "投诉", "儿童", "父母", "年龄", "权利", "可能", "将会",
                "仅在", "必要时", "包括", "例如", "以及", "或者", "根据", "适用的", "第三方", "用户", "功能", "设置"],
        wordSeparator: "", sentenceEnd: "。", clauseSeparator: "，", capitalizes: false, policyWord: "政策",
        siteTitle: "示例公司政策中心")

    static let arabic = CorpusLanguage(
        tag: "ar", nativeName: "العربية",
        words: ["نحن", "نجمع", "البيانات", "الشخصية", "المعلومات", "حسابك", "الخدمة", "نستخدم", "معالجة", "نشارك",
                "مقدمي", "الشركاء", "نخزن", "بأمان", "طلب", "موافقة", "قانوني", "أساس", "الغرض", "نحتفظ", "حذف", "الوصول",
                "تصحيح", "الاعتراض", "نقل", "البلد", "ضمانات", "العقد", "القانون", "الجهاز", "المعرفات", "التحليلات",
                "الدفع", "الفواتير", "الدعم", "الرسائل", "البريد", "إشعار", "المدة", "النسخ", "التشفير", "الاختراق",
                "السلطة", "شكوى", "الأطفال", "الوالدين", "العمر", "الحقوق", "قد", "سوف", "فقط", "عندما", "حيث", "بما",
                "في", "ذلك", "مثل", "أو", "مع", "بموجب", "خلال", "المعقولة", "الضرورية", "المحدودة", "الأطراف", "المستخدمين"],
        wordSeparator: " ", sentenceEnd: ". ", clauseSeparator: "، ", capitalizes: false, policyWord: "سياسة",
        siteTitle: "سياسات الشركة")

    static let german = CorpusLanguage(
        tag: "de", nativeName: "Deutsch",
        words: ["wir", "erheben", "personenbezogene", "Daten", "Informationen", "Ihr", "Konto", "Dienst", "verarbeiten",
                "teilen", "Anbieter", "Partner", "speichern", "sicher", "Anfrage", "Einwilligung", "rechtliche", "Grundlage",
                "Zweck", "aufbewahren", "löschen", "Zugriff", "berichtigen", "Widerspruch", "Übermittlung", "Land",
                "Garantien", "Vertrag", "Gesetz", "Gerät", "Kennungen", "Analyse", "Zahlung", "Abrechnung", "Unterstützung",
                "Nachrichten", "Hinweis", "Frist", "Sicherung", "Verschlüsselung", "Verletzung", "Behörde", "Beschwerde",
                "Kinder", "Eltern", "Alter", "Rechte", "können", "werden", "nur", "wenn", "soweit", "einschließlich",
                "sowie", "und", "oder", "für", "mit", "gemäß", "innerhalb", "angemessene", "erforderliche", "Dritte", "Nutzer"],
        wordSeparator: " ", sentenceEnd: ". ", clauseSeparator: ", ", capitalizes: true, policyWord: "Richtlinie",
        siteTitle: "Richtlinien der Example GmbH")

    static let japanese = CorpusLanguage(
        tag: "ja", nativeName: "日本語",
        words: ["当社は", "収集する", "個人情報", "データ", "お客様の", "アカウント", "サービス", "利用", "処理", "共有",
                "委託先", "提携先", "保存", "安全に", "請求", "同意", "法的", "根拠", "目的", "保持", "削除", "アクセス",
                "訂正", "異議", "移転", "国", "保護措置", "契約", "法令", "端末", "識別子", "分析", "支払い", "請求書",
                "サポート", "メッセージ", "電子メール", "通知", "期間", "バックアップ", "暗号化", "漏えい", "当局", "苦情",
                "子ども", "保護者", "年齢", "権利", "場合があります", "ものとします", "のみ", "必要な", "含む", "例えば",
                "および", "または", "に基づき", "適用される", "第三者", "利用者", "機能", "設定"],
        wordSeparator: "", sentenceEnd: "。", clauseSeparator: "、", capitalizes: false, policyWord: "ポリシー",
        siteTitle: "サンプル社ポリシー")

    static let russian = CorpusLanguage(
        tag: "ru", nativeName: "Русский",
        words: ["мы", "собираем", "персональные", "данные", "информацию", "ваш", "аккаунт", "сервис", "используем",
                "обрабатываем", "передаём", "поставщики", "партнёры", "храним", "безопасно", "запрос", "согласие",
                "правовое", "основание", "цель", "удаляем", "доступ", "исправление", "возражение", "передача", "страна",
                "гарантии", "договор", "закон", "устройство", "идентификаторы", "аналитика", "оплата", "счета", "поддержка",
                "сообщения", "почта", "уведомление", "срок", "резервные", "копии", "шифрование", "утечка", "орган", "жалоба",
                "дети", "родители", "возраст", "права", "можем", "будем", "только", "когда", "включая", "например", "и",
                "или", "для", "с", "согласно", "в течение", "разумные", "необходимые", "третьи", "лица", "пользователи"],
        wordSeparator: " ", sentenceEnd: ". ", clauseSeparator: ", ", capitalizes: true, policyWord: "политика",
        siteTitle: "Политики компании")

    static let french = CorpusLanguage(
        tag: "fr", nativeName: "Français",
        words: ["nous", "collectons", "données", "personnelles", "informations", "votre", "compte", "service", "utilisons",
                "traitons", "partageons", "prestataires", "partenaires", "conservons", "sécurité", "demande", "consentement",
                "juridique", "base", "finalité", "supprimer", "accès", "rectifier", "opposition", "transfert", "pays",
                "garanties", "contrat", "loi", "appareil", "identifiants", "analyses", "paiement", "facturation", "assistance",
                "messages", "courriel", "avis", "durée", "sauvegarde", "chiffrement", "violation", "autorité", "réclamation",
                "enfants", "parents", "âge", "droits", "pouvons", "allons", "seulement", "lorsque", "où", "y compris", "tels",
                "que", "et", "ou", "pour", "avec", "selon", "dans", "raisonnables", "nécessaires", "tiers", "utilisateurs"],
        wordSeparator: " ", sentenceEnd: ". ", clauseSeparator: ", ", capitalizes: true, policyWord: "Politique",
        siteTitle: "Politiques d’Example SA")

    static let korean = CorpusLanguage(
        tag: "ko", nativeName: "한국어",
        words: ["회사는", "수집합니다", "개인정보", "데이터", "귀하의", "계정", "서비스", "이용", "처리", "공유", "수탁자",
                "제휴사", "보관", "안전하게", "요청", "동의", "법적", "근거", "목적", "보유", "삭제", "열람", "정정", "반대",
                "이전", "국가", "보호조치", "계약", "법령", "기기", "식별자", "분석", "결제", "청구", "지원", "메시지", "이메일",
                "고지", "기간", "백업", "암호화", "유출", "감독기관", "민원", "아동", "보호자", "연령", "권리", "할 수 있습니다",
                "합니다", "오직", "필요한", "포함하여", "예를 들어", "및", "또는", "에 따라", "적용되는", "제3자", "이용자",
                "기능", "설정"],
        wordSeparator: " ", sentenceEnd: ". ", clauseSeparator: ", ", capitalizes: false, policyWord: "정책",
        siteTitle: "예시 회사 정책")

    static let spanish = CorpusLanguage(
        tag: "es", nativeName: "Español",
        words: ["nosotros", "recopilamos", "datos", "personales", "información", "su", "cuenta", "servicio", "usamos",
                "tratamos", "compartimos", "proveedores", "socios", "almacenamos", "seguridad", "solicitud", "consentimiento",
                "jurídica", "base", "finalidad", "conservamos", "eliminar", "acceso", "rectificar", "oposición",
                "transferencia", "país", "garantías", "contrato", "ley", "dispositivo", "identificadores", "análisis", "pago",
                "facturación", "soporte", "mensajes", "correo", "aviso", "plazo", "copia", "cifrado", "brecha", "autoridad",
                "reclamación", "niños", "padres", "edad", "derechos", "podemos", "vamos", "solo", "cuando", "donde",
                "incluido", "como", "y", "o", "para", "con", "según", "dentro", "razonables", "necesarios", "terceros", "usuarios"],
        wordSeparator: " ", sentenceEnd: ". ", clauseSeparator: ", ", capitalizes: true, policyWord: "Política",
        siteTitle: "Políticas de Example"
    )

    static let portuguese = CorpusLanguage(
        tag: "pt-BR", nativeName: "Português (Brasil)",
        words: ["nós", "coletamos", "dados", "pessoais", "informações", "sua", "conta", "serviço", "usamos", "tratamos",
                "compartilhamos", "fornecedores", "parceiros", "armazenamos", "segurança", "solicitação", "consentimento",
                "jurídica", "base", "finalidade", "mantemos", "excluir", "acesso", "corrigir", "oposição", "transferência",
                "país", "salvaguardas", "contrato", "lei", "dispositivo", "identificadores", "análises", "pagamento",
                "cobrança", "suporte", "mensagens", "e-mail", "aviso", "prazo", "cópia", "criptografia", "incidente",
                "autoridade", "reclamação", "crianças", "responsáveis", "idade", "direitos", "podemos", "iremos", "apenas",
                "quando", "onde", "incluindo", "como", "e", "ou", "para", "com", "conforme", "dentro", "razoáveis",
                "necessárias", "terceiros", "usuários"],
        wordSeparator: " ", sentenceEnd: ". ", clauseSeparator: ", ", capitalizes: true, policyWord: "Política",
        siteTitle: "Políticas da Example"
    )
}
