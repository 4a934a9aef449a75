//! Made-up people: name shapes per origin (Korean and Chinese from syllables,
//! the others from name parts, most of them in Byline's `data/given_names.txt`
//! and `data/surnames.txt`), and the ways the same person's name gets spelled
//! differently from one article to another.

use super::gazetteer::Gazetteer;
use super::rng::Rng;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    Korean,
    Chinese,
    Arabic,
    Persian,
    Slavic,
    African,
    European,
    /// Any given name with any surname from Byline's lists.
    Mixed,
}

impl Origin {
    pub const ALL: [Origin; 8] = [
        Origin::Korean,
        Origin::Chinese,
        Origin::Arabic,
        Origin::Persian,
        Origin::Slavic,
        Origin::African,
        Origin::European,
        Origin::Mixed,
    ];
    pub const WEIGHTS: [f64; 8] = [0.22, 0.10, 0.10, 0.06, 0.12, 0.08, 0.14, 0.18];

    pub fn name(self) -> &'static str {
        match self {
            Origin::Korean => "korean",
            Origin::Chinese => "chinese",
            Origin::Arabic => "arabic",
            Origin::Persian => "persian",
            Origin::Slavic => "slavic",
            Origin::African => "african",
            Origin::European => "european",
            Origin::Mixed => "mixed",
        }
    }

    /// Countries people of this origin are usually officials of.
    pub fn countries(self) -> &'static [&'static str] {
        match self {
            Origin::Korean => &["South Korea", "South Korea", "South Korea", "North Korea"],
            Origin::Chinese => &["China", "China", "Taiwan", "Singapore"],
            Origin::Arabic => &[
                "Saudi Arabia",
                "Egypt",
                "United Arab Emirates",
                "Jordan",
                "Iraq",
                "Qatar",
                "Lebanon",
                "Kuwait",
                "Oman",
                "Morocco",
                "Algeria",
                "Tunisia",
                "Syria",
                "Bahrain",
                "Libya",
            ],
            Origin::Persian => &["Iran", "Iran", "Afghanistan", "Tajikistan"],
            Origin::Slavic => &["Russia", "Ukraine", "Ukraine", "Belarus", "Kazakhstan"],
            Origin::African => &[
                "Nigeria",
                "Ghana",
                "Kenya",
                "South Africa",
                "Senegal",
                "Mali",
                "Zimbabwe",
                "Tanzania",
                "Ivory Coast",
                "Zambia",
                "Ethiopia",
            ],
            Origin::European => &[
                "United Kingdom",
                "Germany",
                "France",
                "Italy",
                "Spain",
                "Poland",
                "Netherlands",
                "Sweden",
                "Denmark",
                "Finland",
                "Ireland",
                "Portugal",
                "Greece",
                "Hungary",
                "Czech Republic",
                "Romania",
            ],
            Origin::Mixed => &[],
        }
    }
}

const KOREAN_SURNAMES: &[&[&str]] = &[
    &["Kim", "Gim"],
    &["Lee", "Yi", "Rhee"],
    &["Park", "Pak", "Bak"],
    &["Choi", "Choe"],
    &["Jung", "Jeong", "Chung"],
    &["Kang", "Gang"],
    &["Cho", "Jo"],
    &["Yoon", "Yun"],
    &["Jang", "Chang"],
    &["Lim", "Im"],
    &["Han"],
    &["Oh"],
    &["Seo", "Suh"],
    &["Shin", "Sin"],
    &["Kwon", "Gwon"],
    &["Hwang"],
    &["Ahn", "An"],
    &["Song"],
    &["Yoo", "Yu"],
    &["Hong"],
    &["Jeon", "Chun"],
    &["Ko", "Koh", "Go"],
    &["Moon", "Mun"],
    &["Yang"],
    &["Son", "Sohn"],
    &["Bae", "Pae"],
    &["Baek", "Paik"],
    &["Heo", "Huh"],
    &["Nam"],
    &["Noh", "Roh"],
    &["Ha"],
    &["Kwak"],
    &["Sung", "Seong"],
    &["Cha"],
    &["Joo", "Ju"],
    &["Woo"],
    &["Min"],
    &["Ryu", "Yoo"],
    &["Jin"],
    &["Uhm", "Eom"],
    &["Chae"],
    &["Won"],
    &["Byun", "Byeon"],
    &["Yeo"],
    &["Do"],
    &["Shim", "Sim"],
    &["Wi"],
    &["Ji"],
    &["Gil"],
    &["Ma"],
];

/// Korean given-name syllables with their other romanisations.
const KOREAN_SYLLABLES: &[&[&str]] = &[
    &["min"],
    &["jun", "joon"],
    &["seo", "suh"],
    &["ji"],
    &["ha"],
    &["yeon", "yun"],
    &["su", "soo"],
    &["hyun", "hyeon"],
    &["jae"],
    &["dong"],
    &["sung", "seong"],
    &["young", "yeong"],
    &["jung", "jeong"],
    &["eun", "un"],
    &["hye"],
    &["sang"],
    &["tae"],
    &["kyung", "gyeong"],
    &["jin"],
    &["woo", "u"],
    &["hee", "hui"],
    &["myung", "myeong"],
    &["chul", "cheol"],
    &["seung"],
    &["yoon"],
    &["da"],
    &["na"],
    &["so"],
    &["ye"],
    &["hoon", "hun"],
    &["ho"],
    &["won"],
    &["bin"],
    &["il"],
    &["ki", "gi"],
    &["yong"],
    &["kwang", "gwang"],
    &["chang"],
    &["mi"],
    &["sun"],
    &["hwa"],
    &["sook", "suk"],
    &["ok"],
    &["wook", "uk"],
    &["hyuk", "hyeok"],
    &["kyu", "gyu"],
    &["gun", "geun"],
    &["han"],
    &["joo", "ju"],
    &["rim", "lim"],
];

const CHINESE_SURNAMES: &[&[&str]] = &[
    &["Wang", "Wong"],
    &["Li"],
    &["Zhang", "Chang"],
    &["Liu"],
    &["Chen"],
    &["Yang"],
    &["Huang"],
    &["Zhao", "Chao"],
    &["Wu"],
    &["Zhou", "Chou"],
    &["Xu", "Hsu"],
    &["Sun"],
    &["Ma"],
    &["Zhu", "Chu"],
    &["Hu"],
    &["Guo", "Kuo"],
    &["He"],
    &["Gao", "Kao"],
    &["Lin"],
    &["Luo"],
    &["Zheng", "Cheng"],
    &["Liang"],
    &["Xie", "Hsieh"],
    &["Song"],
    &["Tang"],
    &["Feng"],
    &["Deng", "Teng"],
    &["Cao", "Tsao"],
    &["Peng"],
    &["Zeng", "Tseng"],
    &["Xiao", "Hsiao"],
    &["Tian"],
    &["Dong"],
    &["Pan"],
    &["Yuan"],
    &["Cai", "Tsai"],
    &["Jiang", "Chiang"],
    &["Yu"],
    &["Du"],
    &["Ye"],
    &["Wei"],
    &["Su"],
    &["Lu"],
    &["Ding"],
    &["Ren"],
    &["Shen"],
    &["Yao"],
    &["Fu"],
    &["Qin", "Chin"],
    &["Fang"],
];

const CHINESE_SYLLABLES: &[&str] = &[
    "wei", "jian", "ming", "hua", "xiao", "li", "hong", "jun", "yong", "jie", "tao", "lei", "hai", "qiang", "ping", "gang", "bo", "yan",
    "ling", "mei", "fang", "jing", "xin", "yu", "hui", "zhi", "guo", "dong", "chun", "lan", "qing", "feng", "yi", "kai", "peng", "xue",
    "zhen", "ning", "rui", "hao", "wen", "lin", "shan", "tian", "yun", "xiang", "zhong", "bin", "cheng", "hong",
];

/// Given names: the usual spelling first, then other transliterations.
const ARABIC_GIVEN: &[&[&str]] = &[
    &["Mohammed", "Muhammad", "Mohamed", "Mohammad"],
    &["Ahmed", "Ahmad"],
    &["Youssef", "Yousef", "Yusuf"],
    &["Hussein", "Hussain", "Husain"],
    &["Hassan", "Hasan"],
    &["Omar", "Umar"],
    &["Khalid", "Khaled"],
    &["Abdullah", "Abdallah"],
    &["Mustafa", "Mostafa", "Moustafa"],
    &["Saeed", "Said"],
    &["Ibrahim", "Ebrahim"],
    &["Tariq", "Tarek", "Tareq"],
    &["Faisal", "Faysal"],
    &["Karim", "Kareem"],
    &["Nabil", "Nabeel"],
    &["Walid", "Waleed"],
    &["Ali"],
    &["Hamza", "Hamzah"],
    &["Salah", "Salaheddine"],
    &["Majid", "Majed"],
    &["Fatima", "Fatma"],
    &["Aisha", "Aicha", "Aysha"],
    &["Layla", "Leila", "Laila"],
    &["Mariam", "Maryam"],
    &["Noura", "Nora"],
    &["Rania"],
    &["Huda", "Hoda"],
    &["Salma"],
    &["Amal"],
    &["Yasmin", "Yasmine"],
    &["Ziad", "Ziyad"],
    &["Samir", "Sameer"],
    &["Adel", "Adil"],
    &["Jamal", "Gamal"],
    &["Nasser", "Nasir"],
    &["Sami"],
    &["Rashid", "Rashed"],
    &["Sultan"],
    &["Mansour", "Mansur"],
    &["Hisham", "Hesham"],
];

/// Family-name roots; `true` when written with the article "al-".
const ARABIC_SURNAMES: &[(&str, bool)] = &[
    ("Masri", true),
    ("Hashimi", true),
    ("Otaibi", true),
    ("Qahtani", true),
    ("Shammari", true),
    ("Zahrani", true),
    ("Harbi", true),
    ("Ghamdi", true),
    ("Dosari", true),
    ("Mutairi", true),
    ("Khatib", true),
    ("Tamimi", true),
    ("Saadi", true),
    ("Obeidi", true),
    ("Jubouri", true),
    ("Dulaimi", true),
    ("Zubaidi", true),
    ("Kuwari", true),
    ("Marri", true),
    ("Nuaimi", true),
    ("Mansouri", true),
    ("Suwaidi", true),
    ("Shehhi", true),
    ("Hajri", true),
    ("Haddad", false),
    ("Khoury", false),
    ("Najjar", false),
    ("Nasr", false),
    ("Saleh", false),
    ("Hamdan", false),
    ("Darwish", false),
    ("Farouk", false),
    ("Aziz", false),
    ("Mahmoud", false),
    ("Abdelrahman", false),
    ("Benali", false),
    ("Belkacem", false),
    ("Amrani", false),
    ("Tazi", false),
    ("Alaoui", false),
    ("Bennani", false),
    ("Chraibi", false),
    ("Ouali", false),
    ("Hamdi", false),
    ("Sabbagh", false),
    ("Haidar", false),
];

const PERSIAN_GIVEN: &[&[&str]] = &[
    &["Mohammad", "Mohammed", "Mohamad"],
    &["Hossein", "Hosein", "Hussein"],
    &["Reza"],
    &["Ali"],
    &["Mehdi", "Mahdi"],
    &["Javad", "Jawad"],
    &["Abbas"],
    &["Hamid"],
    &["Saeed", "Said"],
    &["Amir"],
    &["Mahmoud", "Mahmud"],
    &["Ebrahim", "Ibrahim"],
    &["Kazem", "Kazim"],
    &["Nasser", "Naser"],
    &["Farhad"],
    &["Dariush", "Daryoush"],
    &["Kourosh", "Kurosh"],
    &["Babak"],
    &["Maryam", "Mariam"],
    &["Zahra"],
    &["Fatemeh", "Fatima"],
    &["Shirin"],
    &["Leila", "Layla"],
    &["Parisa"],
    &["Nasrin"],
    &["Mahsa"],
    &["Ghasem", "Qasem", "Qassem"],
    &["Mojtaba"],
    &["Esmaeil", "Esmail", "Ismail"],
    &["Masoud", "Massoud"],
    &["Bijan"],
    &["Arash"],
    &["Nader"],
    &["Golnar"],
];

const PERSIAN_SURNAMES: &[&[&str]] = &[
    &["Rahimi"],
    &["Karimzadeh", "Karim-Zadeh", "Karimzade"],
    &["Hashemipour", "Hashemi-Pour"],
    &["Ahmadian"],
    &["Jafarnejad", "Jafarnezhad"],
    &["Mousavi", "Musavi", "Moussavi"],
    &["Tehrani"],
    &["Shirazi"],
    &["Esfahani", "Isfahani"],
    &["Tabrizi"],
    &["Kermani"],
    &["Ghorbani", "Qorbani"],
    &["Sadeghi", "Sadeqi"],
    &["Hosseini", "Husseini", "Hoseini"],
    &["Moradi"],
    &["Abbasi"],
    &["Bagheri", "Baqeri"],
    &["Jalali"],
    &["Rostami"],
    &["Amini"],
    &["Soltani"],
    &["Heidari", "Heydari"],
    &["Nazari"],
    &["Kazemi"],
    &["Mohammadi"],
    &["Rezaei", "Rezaee", "Rezai"],
    &["Akbari"],
    &["Ebrahimi"],
    &["Khosravi"],
    &["Asadi"],
    &["Ghasemi", "Qasemi"],
    &["Zamani"],
    &["Rahmani"],
    &["Yazdani"],
    &["Farahani"],
    &["Najafi"],
    &["Salehi"],
    &["Mirzaei", "Mirzaee"],
    &["Hosseinzadeh", "Hossein-Zadeh"],
    &["Alavi"],
];

/// (masculine, feminine) given names with their other transliterations
/// (Russian and Ukrainian forms of the same name count as variants).
const SLAVIC_GIVEN: &[&[&str]] = &[
    &["Sergei", "Sergey", "Serhiy"],
    &["Alexei", "Aleksei", "Alexey", "Oleksiy"],
    &["Dmitry", "Dmitri", "Dmytro"],
    &["Vladimir", "Volodymyr"],
    &["Alexander", "Aleksandr", "Oleksandr"],
    &["Andrei", "Andrey", "Andriy"],
    &["Mikhail", "Mykhailo"],
    &["Nikolai", "Nikolay", "Mykola"],
    &["Yuri", "Yury", "Yuriy"],
    &["Igor", "Ihor"],
    &["Pavel", "Pavlo"],
    &["Olga", "Olha"],
    &["Natalia", "Natalya", "Nataliya"],
    &["Yelena", "Elena", "Olena"],
    &["Tatiana", "Tatyana", "Tetiana"],
    &["Anatoly", "Anatoliy"],
    &["Viktor", "Victor"],
    &["Maxim", "Maksim", "Maksym"],
    &["Ivan"],
    &["Oleg", "Oleh"],
    &["Konstantin", "Kostiantyn"],
    &["Vitaly", "Vitaliy"],
    &["Yevgeny", "Evgeny", "Yevhen"],
    &["Denis", "Denys"],
    &["Irina", "Iryna"],
    &["Svetlana"],
    &["Anastasia", "Anastasiya"],
    &["Valery", "Valeriy"],
    &["Grigory", "Hryhoriy"],
    &["Boris"],
    &["Roman"],
    &["Taras"],
    &["Bohdan", "Bogdan"],
    &["Yulia", "Yuliya"],
];

const SLAVIC_FEMININE: &[&str] = &["Olga", "Natalia", "Yelena", "Tatiana", "Irina", "Svetlana", "Anastasia", "Yulia"];

const SLAVIC_SURNAMES: &[&str] = &[
    "Petrov",
    "Ivanov",
    "Smirnov",
    "Kuznetsov",
    "Sokolov",
    "Popov",
    "Lebedev",
    "Kozlov",
    "Novikov",
    "Morozov",
    "Volkov",
    "Alekseev",
    "Fedorov",
    "Orlov",
    "Makarov",
    "Zakharov",
    "Nikitin",
    "Sorokin",
    "Belov",
    "Tarasov",
    "Belousov",
    "Gromov",
    "Kiselev",
    "Frolov",
    "Zaitsev",
    "Pavlov",
    "Semyonov",
    "Golubev",
    "Vinogradov",
    "Bogdanov",
    "Vorobyov",
    "Stepanov",
    "Nikolaev",
    "Yakovlev",
    "Grigoriev",
    "Karpov",
    "Antonov",
    "Filippov",
    "Markov",
    "Komarov",
    "Kovalenko",
    "Shevchenko",
    "Bondarenko",
    "Tkachenko",
    "Kravchenko",
    "Boyko",
    "Melnyk",
    "Lysenko",
    "Rudenko",
    "Savchenko",
    "Marchenko",
    "Moroz",
    "Kovalchuk",
    "Polishchuk",
    "Tkachuk",
    "Oliynyk",
    "Kovalsky",
    "Zhukovsky",
    "Vysotsky",
    "Kaminsky",
    "Yaroslavsky",
    "Levchenko",
    "Hrytsenko",
    "Sydorenko",
    "Petrenko",
    "Kuzmenko",
    "Nazarenko",
    "Pavlenko",
    "Dubinin",
    "Larionov",
    "Chernov",
    "Beloglazov",
];

const AFRICAN_GIVEN: &[&str] = &[
    "Oluwaseun",
    "Chinedu",
    "Emeka",
    "Ngozi",
    "Adebayo",
    "Kwame",
    "Kofi",
    "Ama",
    "Abena",
    "Thabo",
    "Sipho",
    "Nomvula",
    "Tendai",
    "Tatenda",
    "Wanjiru",
    "Kamau",
    "Otieno",
    "Achieng",
    "Abdoulaye",
    "Moussa",
    "Aminata",
    "Fatou",
    "Mamadou",
    "Ousmane",
    "Bongani",
    "Lindiwe",
    "Chipo",
    "Femi",
    "Babatunde",
    "Yaw",
    "Kojo",
    "Baraka",
    "Amani",
    "Zawadi",
    "Chiamaka",
    "Obinna",
    "Nkechi",
    "Tsitsi",
    "Lerato",
    "Mpho",
    "Kagiso",
    "Bheki",
    "Aissatou",
    "Seydou",
    "Boubacar",
    "Issa",
    "Halima",
    "Amina",
    "Akosua",
    "Kwabena",
    "Esi",
    "Tunde",
    "Folake",
];

const AFRICAN_SURNAMES: &[&str] = &[
    "Adeyemi",
    "Okafor",
    "Okonkwo",
    "Mensah",
    "Asante",
    "Boateng",
    "Owusu",
    "Nkosi",
    "Dlamini",
    "Ndlovu",
    "Moyo",
    "Mwangi",
    "Kariuki",
    "Odhiambo",
    "Ochieng",
    "Diallo",
    "Traoré",
    "Keïta",
    "Coulibaly",
    "Diop",
    "Ndiaye",
    "Sow",
    "Banda",
    "Phiri",
    "Abubakar",
    "Bello",
    "Adeleke",
    "Oyelaran",
    "Eze",
    "Nwosu",
    "Chukwu",
    "Okeke",
    "Mutua",
    "Wafula",
    "Kiprop",
    "Chebet",
    "Kimani",
    "Njoroge",
    "Osei",
    "Agyeman",
    "Ampofo",
    "Sithole",
    "Khumalo",
    "Mahlangu",
    "Mokoena",
    "Molefe",
    "Tshabalala",
    "Chikwanha",
    "Mutasa",
    "Nyathi",
    "Koné",
    "Camara",
    "Sylla",
    "Cissé",
    "Touré",
    "Fofana",
    "Bamba",
    "Oyelowo",
    "Adewale",
    "Onyango",
];

const EUROPEAN_GIVEN: &[&str] = &[
    "John",
    "James",
    "Michael",
    "David",
    "Thomas",
    "Maria",
    "Anna",
    "Sophie",
    "Claire",
    "Pierre",
    "Jean",
    "François",
    "Luc",
    "Giulia",
    "Marco",
    "Luca",
    "Giovanni",
    "Francesca",
    "Hans",
    "Klaus",
    "Jürgen",
    "Stefan",
    "Andreas",
    "Katrin",
    "Jan",
    "Piotr",
    "Tomasz",
    "Katarzyna",
    "Agnieszka",
    "Lars",
    "Erik",
    "Anders",
    "Ingrid",
    "Sofia",
    "José",
    "Carlos",
    "Javier",
    "Lucía",
    "Carmen",
    "João",
    "Pedro",
    "Ana",
    "Niels",
    "Søren",
    "Mette",
    "Matti",
    "Jukka",
    "Liisa",
    "Pieter",
    "Johan",
    "Willem",
    "Sean",
    "Patrick",
    "Siobhan",
    "Dimitris",
    "Nikos",
    "Eleni",
    "László",
    "Zsófia",
    "Tomáš",
    "Jiří",
    "Ondřej",
    "Radu",
    "Ioana",
    "Mihai",
    "Helen",
    "Richard",
    "Sarah",
    "Emma",
    "Oliver",
    "Charlotte",
    "Henrik",
    "Astrid",
    "Bruno",
    "Chiara",
    "Élodie",
    "Rafael",
    "Inês",
];

const EUROPEAN_SURNAMES: &[&str] = &[
    "Müller",
    "Schmidt",
    "Schneider",
    "Fischer",
    "Weber",
    "Becker",
    "Hoffmann",
    "Dubois",
    "Moreau",
    "Lefèvre",
    "Laurent",
    "Bernard",
    "Rossi",
    "Bianchi",
    "Ferrari",
    "Esposito",
    "Romano",
    "García",
    "Fernández",
    "Martínez",
    "López",
    "González",
    "Rodríguez",
    "Silva",
    "Costa",
    "Pereira",
    "Santos",
    "Kowalski",
    "Nowak",
    "Wiśniewski",
    "Wójcik",
    "Jensen",
    "Nielsen",
    "Hansen",
    "Johansson",
    "Andersson",
    "Lindqvist",
    "Virtanen",
    "Korhonen",
    "Mäkinen",
    "van Dijk",
    "de Vries",
    "Jansen",
    "Bakker",
    "O'Brien",
    "Murphy",
    "Kelly",
    "MacDonald",
    "Campbell",
    "Stewart",
    "Papadopoulos",
    "Georgiou",
    "Horváth",
    "Nagy",
    "Kovács",
    "Novák",
    "Dvořák",
    "Svoboda",
    "Popescu",
    "Ionescu",
    "Dumitrescu",
    "Thompson",
    "Harrison",
    "Whitaker",
    "Pemberton",
    "Ashworth",
    "Caldwell",
    "Gallagher",
    "Fitzgerald",
    "Lindgren",
    "Castellano",
    "Bergström",
    "Kaczmarek",
    "Zieliński",
    "Fontaine",
    "Girard",
];

/// A person's name: parts and how it is written.
#[derive(Clone, Debug)]
pub struct Name {
    pub given: String,
    pub surname: String,
    /// Family name first (Korean, Chinese).
    pub surname_first: bool,
}

impl Name {
    pub fn full(&self) -> String {
        if self.given.is_empty() {
            return self.surname.clone();
        }
        if self.surname_first { format!("{} {}", self.surname, self.given) } else { format!("{} {}", self.given, self.surname) }
    }

    /// The name used on later mentions: the family name ("Kim", "al-Masri").
    pub fn short(&self) -> String {
        self.surname.clone()
    }
}

/// A person of the generated world, with the other spellings their name gets.
#[derive(Clone, Debug)]
pub struct Person {
    pub origin: Origin,
    pub name: Name,
    pub female: bool,
    /// Other ways the name is written (order swapped, hyphens, transliteration,
    /// typos); the first is the most common.
    pub variants: Vec<Name>,
}

fn cap(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// Keeps only the entries whose usual spelling is in one of Byline's name lists,
/// unless that leaves too few.
fn in_lists<'a>(all: &[&'a [&'a str]], has: impl Fn(&str) -> bool) -> Vec<&'a [&'a str]> {
    let kept: Vec<&[&str]> = all.iter().copied().filter(|g| has(g[0])).collect();
    if kept.len() >= 8 { kept } else { all.to_vec() }
}

fn in_lists_flat<'a>(all: &[&'a str], has: impl Fn(&str) -> bool) -> Vec<&'a str> {
    let kept: Vec<&str> = all.iter().copied().filter(|g| has(g)).collect();
    if kept.len() >= 8 { kept } else { all.to_vec() }
}

/// The name parts per origin, filtered once against Byline's lists.
pub struct Parts {
    arabic_given: Vec<&'static [&'static str]>,
    persian_given: Vec<&'static [&'static str]>,
    slavic_given: Vec<&'static [&'static str]>,
    african_given: Vec<&'static str>,
    african_surnames: Vec<&'static str>,
    european_given: Vec<&'static str>,
    european_surnames: Vec<&'static str>,
    slavic_surnames: Vec<&'static str>,
    /// Byline's lists, without the Korean/Chinese-looking one-syllable entries.
    mixed_given: Vec<String>,
    mixed_surnames: Vec<String>,
}

impl Parts {
    pub fn new(g: &Gazetteer) -> Parts {
        let given: std::collections::HashSet<&str> = g.given.iter().map(String::as_str).collect();
        let surnames: std::collections::HashSet<&str> = g.surnames.iter().map(String::as_str).collect();
        Parts {
            arabic_given: in_lists(ARABIC_GIVEN, |s| given.contains(s)),
            persian_given: in_lists(PERSIAN_GIVEN, |s| given.contains(s)),
            slavic_given: in_lists(SLAVIC_GIVEN, |s| given.contains(s)),
            african_given: in_lists_flat(AFRICAN_GIVEN, |s| given.contains(s)),
            african_surnames: in_lists_flat(AFRICAN_SURNAMES, |s| surnames.contains(s)),
            european_given: in_lists_flat(EUROPEAN_GIVEN, |s| given.contains(s)),
            european_surnames: in_lists_flat(EUROPEAN_SURNAMES, |s| surnames.contains(s)),
            slavic_surnames: in_lists_flat(SLAVIC_SURNAMES, |s| surnames.contains(s)),
            mixed_given: g.given.iter().filter(|s| s.chars().count() >= 3 && !s.contains(' ')).cloned().collect(),
            mixed_surnames: g.surnames.iter().filter(|s| s.chars().count() >= 4).cloned().collect(),
        }
    }

    /// How many of the curated parts are in Byline's lists (for the tests).
    #[cfg(test)]
    pub fn coverage(&self) -> [(usize, usize); 7] {
        [
            (self.arabic_given.len(), ARABIC_GIVEN.len()),
            (self.persian_given.len(), PERSIAN_GIVEN.len()),
            (self.slavic_given.len(), SLAVIC_GIVEN.len()),
            (self.african_given.len(), AFRICAN_GIVEN.len()),
            (self.african_surnames.len(), AFRICAN_SURNAMES.len()),
            (self.european_given.len(), EUROPEAN_GIVEN.len()),
            (self.european_surnames.len(), EUROPEAN_SURNAMES.len()),
        ]
    }

    /// A new person of an origin.
    pub fn person(&self, rng: &mut Rng, origin: Origin) -> Person {
        let mut female = rng.chance(0.3);
        let mut alts: Vec<Name> = Vec::new();
        let name = match origin {
            Origin::Korean => {
                let sur = *rng.pick(KOREAN_SURNAMES);
                let a = *rng.pick(KOREAN_SYLLABLES);
                let mut b = *rng.pick(KOREAN_SYLLABLES);
                while b[0] == a[0] {
                    b = *rng.pick(KOREAN_SYLLABLES);
                }
                let given = format!("{}-{}", cap(a[0]), b[0]);
                let n = Name { given: given.clone(), surname: sur[0].to_string(), surname_first: true };
                // Spacing and capitals of the given name, name order, other romanisations.
                alts.push(Name { given: format!("{}{}", cap(a[0]), b[0]), ..n.clone() });
                alts.push(Name { given: format!("{} {}", cap(a[0]), cap(b[0])), ..n.clone() });
                alts.push(Name { given: format!("{}-{}", cap(a[0]), cap(b[0])), ..n.clone() });
                alts.push(Name { surname_first: false, ..n.clone() });
                if a.len() > 1 || b.len() > 1 {
                    let a2 = a.get(1).unwrap_or(&a[0]);
                    let b2 = b.get(1).unwrap_or(&b[0]);
                    alts.push(Name { given: format!("{}-{}", cap(a2), b2), ..n.clone() });
                }
                if sur.len() > 1 {
                    alts.push(Name { surname: sur[1].to_string(), ..n.clone() });
                }
                n
            }
            Origin::Chinese => {
                let sur = *rng.pick(CHINESE_SURNAMES);
                let a = *rng.pick(CHINESE_SYLLABLES);
                let n = if rng.chance(0.25) {
                    Name { given: cap(a), surname: sur[0].to_string(), surname_first: true }
                } else {
                    let b = *rng.pick(CHINESE_SYLLABLES);
                    let n = Name { given: format!("{}{}", cap(a), b), surname: sur[0].to_string(), surname_first: true };
                    alts.push(Name { given: format!("{}-{}", cap(a), b), ..n.clone() });
                    alts.push(Name { given: format!("{} {}", cap(a), cap(b)), ..n.clone() });
                    n
                };
                alts.push(Name { surname_first: false, ..n.clone() });
                if sur.len() > 1 {
                    alts.push(Name { surname: sur[1].to_string(), ..n.clone() });
                }
                n
            }
            Origin::Arabic => {
                let g = *rng.pick(&self.arabic_given);
                female = ["Fatima", "Aisha", "Layla", "Mariam", "Noura", "Rania", "Huda", "Salma", "Amal", "Yasmin"].contains(&g[0]);
                let (root, al) = *rng.pick(ARABIC_SURNAMES);
                let surname = if al { format!("al-{root}") } else { root.to_string() };
                let n = Name { given: g[0].to_string(), surname, surname_first: false };
                for v in &g[1..] {
                    alts.push(Name { given: v.to_string(), ..n.clone() });
                }
                if al {
                    alts.push(Name { surname: format!("Al-{root}"), ..n.clone() });
                    alts.push(Name { surname: format!("al {root}"), ..n.clone() });
                    alts.push(Name { surname: format!("el-{root}"), ..n.clone() });
                    alts.push(Name { surname: format!("Al{}", root.to_lowercase()), ..n.clone() });
                }
                n
            }
            Origin::Persian => {
                let g = *rng.pick(&self.persian_given);
                female = ["Maryam", "Zahra", "Fatemeh", "Shirin", "Leila", "Parisa", "Nasrin", "Mahsa", "Golnar"].contains(&g[0]);
                let s = *rng.pick(PERSIAN_SURNAMES);
                let n = Name { given: g[0].to_string(), surname: s[0].to_string(), surname_first: false };
                for v in &g[1..] {
                    alts.push(Name { given: v.to_string(), ..n.clone() });
                }
                for v in &s[1..] {
                    alts.push(Name { surname: v.to_string(), ..n.clone() });
                }
                n
            }
            Origin::Slavic => {
                let g = *rng.pick(&self.slavic_given);
                female = SLAVIC_FEMININE.contains(&g[0]);
                let mut s = rng.pick(&self.slavic_surnames).to_string();
                if female {
                    s = feminine(&s);
                }
                let n = Name { given: g[0].to_string(), surname: s.clone(), surname_first: false };
                for v in &g[1..] {
                    alts.push(Name { given: v.to_string(), ..n.clone() });
                }
                for v in slavic_surname_variants(&s) {
                    alts.push(Name { surname: v, ..n.clone() });
                }
                n
            }
            Origin::African => {
                let g = rng.pick(&self.african_given).to_string();
                let s = rng.pick(&self.african_surnames).to_string();
                let n = Name { given: g, surname: s.clone(), surname_first: false };
                let folded = fold(&s);
                if folded != s {
                    alts.push(Name { surname: folded, ..n.clone() });
                }
                if let Some(rest) = s.strip_prefix("Nd") {
                    alts.push(Name { surname: format!("N'D{rest}"), ..n.clone() });
                }
                n
            }
            Origin::European => {
                let g = rng.pick(&self.european_given).to_string();
                let s = rng.pick(&self.european_surnames).to_string();
                let n = Name { given: g.clone(), surname: s.clone(), surname_first: false };
                for v in european_variants(&s) {
                    alts.push(Name { surname: v, ..n.clone() });
                }
                let fg = fold(&g);
                if fg != g {
                    alts.push(Name { given: fg, ..n.clone() });
                }
                n
            }
            Origin::Mixed => {
                let g = rng.pick(&self.mixed_given).clone();
                let s = rng.pick(&self.mixed_surnames).clone();
                let n = Name { given: g, surname: s.clone(), surname_first: false };
                let fs = fold(&s);
                if fs != s {
                    alts.push(Name { surname: fs, ..n.clone() });
                }
                n
            }
        };
        // A one-letter typo in the family name, now and then.
        if name.surname.chars().count() >= 5 && rng.chance(0.5) {
            let t = typo(rng, &name.surname);
            if t != name.surname {
                alts.push(Name { surname: t, ..name.clone() });
            }
        }
        // Keep up to three, shuffled so the most common variant differs per person.
        let mut variants = Vec::new();
        while !alts.is_empty() && variants.len() < 3 {
            let i = rng.below(alts.len());
            let v = alts.swap_remove(i);
            if v.full() != name.full() && !variants.iter().any(|x: &Name| x.full() == v.full()) {
                variants.push(v);
            }
        }
        Person { origin, name, female, variants }
    }
}

fn feminine(s: &str) -> String {
    for (m, f) in [("sky", "skaya"), ("ov", "ova"), ("ev", "eva"), ("in", "ina")] {
        if let Some(stem) = s.strip_suffix(m) {
            return format!("{stem}{f}");
        }
    }
    s.to_string()
}

fn slavic_surname_variants(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(stem) = s.strip_suffix("ov") {
        out.push(format!("{stem}off"));
    }
    if let Some(stem) = s.strip_suffix("ev") {
        out.push(format!("{stem}eff"));
        out.push(format!("{stem}yev"));
    }
    if let Some(stem) = s.strip_suffix("yov") {
        out.push(format!("{stem}yev"));
        out.push(format!("{stem}iev"));
    }
    if let Some(stem) = s.strip_suffix("sky") {
        out.push(format!("{stem}skiy"));
        out.push(format!("{stem}ski"));
    }
    if let Some(stem) = s.strip_suffix("enko") {
        out.push(format!("{stem}enco"));
    }
    if s.contains("kh") {
        out.push(s.replacen("kh", "h", 1));
    }
    out
}

fn european_variants(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let f = fold(s);
    if f != s {
        out.push(f);
    }
    for (a, b) in [("ü", "ue"), ("ö", "oe"), ("ä", "ae"), ("ø", "oe"), ("å", "aa")] {
        if s.contains(a) {
            out.push(s.replace(a, b));
        }
    }
    if let Some(rest) = s.strip_prefix("Mac") {
        out.push(format!("Mc{rest}"));
    }
    if s.contains('\'') {
        out.push(s.replace('\'', "\u{2019}"));
    }
    if let Some(rest) = s.strip_prefix("van ") {
        out.push(format!("Van {rest}"));
    }
    if let Some(rest) = s.strip_prefix("de ") {
        out.push(format!("De {rest}"));
    }
    out
}

/// Removes diacritics from the Latin letters these lists use.
pub fn fold(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' | 'ě' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' | 'ő' => 'o',
            'ú' | 'ù' | 'û' | 'ü' | 'ű' | 'ů' => 'u',
            'ç' | 'č' | 'ć' => 'c',
            'ñ' | 'ń' | 'ň' => 'n',
            'ś' | 'š' | 'ș' | 'ş' => 's',
            'ř' => 'r',
            'ž' | 'ź' | 'ż' => 'z',
            'ł' => 'l',
            'ý' => 'y',
            'ț' | 'ţ' => 't',
            'đ' => 'd',
            'É' => 'E',
            'Ö' => 'O',
            'Ü' => 'U',
            'Ž' => 'Z',
            'Š' => 'S',
            'Č' => 'C',
            'Ø' => 'O',
            other => other,
        })
        .collect()
}

/// One-letter typo inside a word (never the first letter): a doubled letter,
/// a dropped letter, two neighbours swapped or a vowel changed.
pub fn typo(rng: &mut Rng, s: &str) -> String {
    let cs: Vec<char> = s.chars().collect();
    if cs.len() < 4 || !cs.iter().all(|c| c.is_alphabetic()) {
        return s.to_string();
    }
    let i = rng.range(1, cs.len() - 2);
    let mut out = cs.clone();
    match rng.below(4) {
        0 => out.insert(i, cs[i]),
        1 => {
            out.remove(i);
        }
        2 => out.swap(i, i + 1),
        _ => {
            let vowels = ['a', 'e', 'i', 'o', 'u'];
            if let Some(j) = (i..cs.len()).find(|&j| vowels.contains(&cs[j])) {
                let v = vowels[(vowels.iter().position(|v| *v == cs[j]).unwrap_or(0) + 1 + rng.below(4)) % 5];
                out[j] = v;
            } else {
                out.insert(i, cs[i]);
            }
        }
    }
    out.into_iter().collect()
}
