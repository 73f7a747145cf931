"""Word lists for attribution. Written from the development articles and standard newsroom usage
(textacy's reporting-verb list was the starting point for SPEECH_VERBS)."""
from __future__ import annotations

# Reporting verbs, every inflection we accept as a cue ("said", "told LBC", "wrote in an email").
_VERB_STEMS = {
    "say": "say says said saying", "tell": "tell tells told telling", "add": "add adds added adding",
    "write": "write writes wrote writing written", "state": "state states stated stating",
    "insist": "insist insists insisted insisting", "claim": "claim claims claimed claiming",
    "argue": "argue argues argued arguing", "warn": "warn warns warned warning",
    "ask": "ask asks asked asking", "reply": "reply replies replied replying",
    "respond": "respond responds responded responding", "explain": "explain explains explained",
    "continue": "continue continues continued continuing", "admit": "admit admits admitted admitting",
    "confirm": "confirm confirms confirmed", "declare": "declare declares declared",
    "comment": "comment comments commented", "tweet": "tweet tweets tweeted",
    # not bare "post" or "note": "the most important diplomatic post “…”" is a noun
    "post": "posts posted", "reveal": "reveal reveals revealed", "acknowledge": "acknowledge acknowledges acknowledged",
    "concede": "concede concedes conceded", "stress": "stress stresses stressed",
    "suggest": "suggest suggests suggested", "recall": "recall recalls recalled",
    "read": "reads read", "describe": "describe describes described describing",
    "call": "call calls called calling", "urge": "urge urges urged urging", "demand": "demand demands demanded",
    "accuse": "accuse accuses accused", "condemn": "condemn condemns condemned",
    "brand": "brand brands branded", "label": "labelled labeled", "praise": "praise praises praised",
    "defend": "defend defends defended defending", "deny": "deny denies denied", "note": "notes noted",
    "announce": "announce announces announced", "insist2": "maintain maintains maintained",
    "say2": "put puts", "go": "went goes", "blast": "blast blasts blasted", "hit": "hit hits",
    "predict": "predict predicts predicted", "promise": "promise promises promised",
    "pledge": "pledge pledges pledged", "vow": "vow vows vowed", "agree": "agree agrees agreed",
    "complain": "complain complains complained", "remark": "remark remarks remarked",
    "quip": "quip quips quipped", "joke": "joke jokes joked", "exclaim": "exclaim exclaimed",
    "express": "express expresses expressed", "feel": "felt", "believe": "believes believed",
    "think": "thinks thought", "conclude": "conclude concludes concluded", "find": "found",
    "show": "shows showed", "tell2": "informed informs", "message": "messaged texted emailed",
    "hail": "hailed hails", "confess": "confess confesses confessed confessing",
    "apologise": "apologise apologises apologised apologising apologized", "gush": "gushed gushes",
    "refer": "referred refers", "dub": "dubbed dubs", "affirm": "affirmed affirms", "cite": "citing cited cites",
    "fume": "fumed fumes raged rages stormed", "sign": "signs signed", "dismiss": "dismissed dismisses", "retort": "retorted retorts shot snapped", "thank": "thanked thanks", "laugh": "laughed smiled sighed", "signal": "signalled signaled signals", "tell3": "reported", "slam": "slammed slams", "criticise": "criticised criticized criticises",
}
SPEECH_VERBS = frozenset(w for forms in _VERB_STEMS.values() for w in forms.split())

# Words between a subject and its verb that do not break the link: "Mandelson has also said".
SKIP_BETWEEN = frozenset(
    "has have had was is were also later then previously reportedly earlier once again today yesterday "
    "immediately repeatedly simply bluntly just first further separately privately publicly subsequently "
    "recently since already still had been would will did does do apparently allegedly".split())

PRONOUNS = {"he": "m", "she": "f", "they": None, "him": "m", "her": "f"}

# Honorifics and titles dropped from a personal name (ANNOTATION.md: the fullest name, no titles).
HONORIFICS = frozenset(
    "Sir Lord Lady Dame Baroness Baron Mr Mr. Mrs Mrs. Ms Ms. Miss Dr Dr. Prof Professor Rev Reverend "
    "Sen Senator Rep Representative President King Queen Prince Princess Judge Justice Rt Hon".split())
FEMALE_HONORIFICS = frozenset("Lady Dame Baroness Mrs Mrs. Ms Ms. Miss Queen Princess".split())
MALE_HONORIFICS = frozenset("Sir Lord Baron Mr Mr. King Prince".split())
# Capitalised words of office that precede a name ("Health Secretary Wes Streeting").
ROLE_WORDS = frozenset(
    "Prime Minister Secretary Minister Chancellor Leader Deputy Shadow Foreign Home Health Justice "
    "Business Culture Defence Education Transport Treasury Commons Lords Speaker Chief Executive "
    "Ambassador Commissioner Chair Chairman Chairwoman Director General Attorney Solicitor State "
    "Labour Tory Conservative Reform Liberal Democrat Lib Dem SNP Green MP MPs Peer Senior Former "
    "Opposition Party Permanent Under-Secretary Under Cabinet Office First Mayor Governor Lawyer "
    "Veteran Backbench Backbencher Campaigner Presenter Journalist Editor Author Spokesman Spokeswoman "
    "Spokesperson Official Officials Senator US UK British American Scottish Welsh Secretary-General "
    "Exchequer Republican Democratic CEO MSP MEP QC KC CFO COO CTO MLA DCI GP".split())
# Ranks and offices that stand before a name ("Superintendent Marcus Hale", "Sen. Ruth Abernathy",
# the full stop blanked before lookup) but are surnames too ("Julie Bishop", "John Constable"):
# stripped from the front of a name, never a reason to reject one.
LEADING_TITLES = frozenset(
    "Superintendent Inspector Detective Constable Sergeant Commander Captain Colonel Admiral Bishop "
    "Archbishop Councillor Cllr Coun Caller Trustee Gov Lt Sgt Det Supt Insp Col Capt Atty Amb Pc PC".split())
# Heads of multi-word names that are bodies, not people ("Foreign Office", "Downing Street").
ORG_HEADS = frozenset(
    "Office Street Party Government Committee Commission Council Department Ministry Police "
    "Parliament Agency Service Authority Treasury Palace House Court Group Trust Foundation "
    "Institute Bank Chase Union Company Corporation Council Board Cabinet Network Times Post "
    "Guardian Telegraph Sun Mail BBC ITV Sky News Labour Conservatives Tories Mainstream "
    # companies, clubs and associations in UK news copy ("Network Rail", "Post Office Ltd",
    # "Police Federation", "Easton Rovers"); from hand-made probes, not from the labelled articles
    "Federation Association Society Confederation Ltd plc PLC Inc LLP Holdings Rail Railways Energy "
    "Water Airways Airlines Rovers United FC Club Embassy Consulate Regulator City Town Athletic Wanderers "
    "Albion Villa Hotspur County Capital Securities Partners Insurance Motors College University School "
    "Hospital Academy Museum Centre Center Fund Alliance Coalition Organisation Organization Homes Health "
    "Britain Conference Tribunal".split())
# A lower-case body after a capitalised adjective: "The Russian embassy", "the Chinese foreign ministry".
LOWER_BODY_HEADS = frozenset("embassy consulate ministry government department police army military "
                             "navy regulator watchdog council party union".split())
# Bodies named without an org head word.
KNOWN_BODIES = {"No 10": "Downing Street", "No. 10": "Downing Street", "No10": "Downing Street", "Number 10": "Downing Street",
                "Number Ten": "Downing Street", "Downing Street": "Downing Street",
                "Foreign Office": "Foreign Office", "FCDO": "Foreign Office", "Labour": "Labour Party",
                "the government": "government", "the Government": "government",
                # UK parties, written as the article names them (labels/README.md rule 10).
                "Liberal Democrats": "Liberal Democrats", "Lib Dems": "Lib Dems",
                "Conservatives": "Conservatives", "Tories": "Tories", "SNP": "SNP", "Reform UK": "Reform UK",
                "Liberal Democrat": "Liberal Democrats", "Lib Dem": "Lib Dems",
                # London's police, the force in the story's inquiries, by its fullest name (rule 9's
                # one name per speaker): "Met Police" and "Scotland Yard" are the same force (a bare
                # "Met" too, where the article is about police: see attribution's resolve).
                "Met Police": "Metropolitan Police", "Scotland Yard": "Metropolitan Police",
                "Metropolitan Police Service": "Metropolitan Police"}
# Descriptions of speakers with no name: head nouns of "a senior Labour source", "one minister".
SPEAKER_NOUNS = frozenset(
    "spokesperson spokesman spokeswoman source sources official officials aide aides ally allies "
    "insider insiders friend friends minister ministers MP MPs lawyer lawyers secretary leader statement "
    "spokespeople representative representatives colleague colleagues critic critics figure figures "
    "member members backbencher backbenchers peer peers campaigner campaigners government "
    # offices held by one person, resolved through the article's roles or the target's aliases
    "ambassador ambassadors envoy diplomat diplomats chancellor president commissioner mayor governor "
    "director chair chairman chairwoman mp mps ceo boss".split())
# Written texts whose words belong to their author: "Lord Mandelson's message reads: ...".
TEXT_NOUNS = frozenset(
    "message messages note letter email emails statement post tweet text texts memo book entry "
    "words remarks comments contribution".split())
# Words that start a sentence with a capital but are never names.
NOT_NAMES = frozenset(
    "The A An But And Or So Yet It Its It's This That These Those There Their They He She His Her We "
    "Another Others "
    "I In On At For From With Without After Before During When While If As Asked Speaking Writing "
    "Meanwhile However Today Yesterday Earlier Later Last Now Then Read More Watch Listen Why How What "
    "Who Where Mr Mrs Ms Sir Lord Lady One Some Many Several Both Each Any No Not Dear Also Still "
    "According Despite Although Though Once Instead Following Responding By Monday Tuesday Wednesday "
    "Thursday Friday Saturday Sunday January February March April May June July August September "
    "October November December".split())

# Given names that are almost always one gender, for "he"/"she" when an article gives no
# honorific (written for this project from common UK and US given names and names in British
# politics; a name missing here falls back to the article's own pronouns).
FEMALE_FIRST_NAMES = frozenset(
    "Mary Patricia Jennifer Linda Elizabeth Barbara Susan Jessica Sarah Karen Nancy Lisa Betty Margaret "
    "Sandra Kimberly Emily Donna Michelle Dorothy Amanda Melissa Deborah Stephanie Rebecca "
    "Sharon Laura Cynthia Kathleen Amy Angela Shirley Anna Brenda Pamela Emma Nicole Helen Samantha "
    "Katherine Christine Debra Rachel Carolyn Janet Catherine Maria Heather Diane Ruth Julie Olivia "
    "Joyce Virginia Victoria Lauren Christina Joan Judith Megan Cheryl Hannah "
    "Jacqueline Martha Gloria Teresa Ann Anne Sara Madison Frances Kathryn Janice Abigail Alice "
    "Judy Sophia Grace Denise Amber Doris Marilyn Danielle Beverly Isabella Theresa Diana Natalie "
    "Brittany Charlotte Marie Kayla Lori Lucy Sophie Chloe Jessica Ellie Amelia Isla Ava Mia "
    "Poppy Freya Lily Harriet Imogen Jade Kirsty Gemma Claire Clare Fiona Louise Joanna Yvette "
    "Priti Suella Theresa Kemi Liz Angela Bridget Caroline Penny Nadine Keely Nadia "
    "Rosie Jenny Jane Kate Katie Natasha Tessa Harriett Esther Margaret "
    "Kezia Ruth Anneliese Lisa Shabana Lucy Bridget Thangam Emily Rachel Stella Diane Dawn "
    "Wendy Alison Tracey Tracy Joanne Sharon Linda Denise Gillian Sheila Pauline Maureen Irene Eileen "
    "Helena Paula Holly Siobhan Siobhán Aoife Niamh Mairead Mei Priya Anjali Aisha Fatima Yasmin "
    "Sandra Monica Veronica Vanessa Rebecca Becky Laura Olivia Georgia Ella Erin Molly Abbie Leah "
    "Carla Carmen Rosa Sofia Elena Ines Irina Olga Svetlana Natalia Ursula Angela Giorgia "
    "Kamala Hillary Nancy Alexandria Ilhan Elise Marjorie Lauren Kristi Nikki Tulsi Pam Kristen Susie".split())
MALE_FIRST_NAMES = frozenset(
    "James Robert John Michael David William Richard Joseph Thomas Charles Christopher Daniel Matthew "
    "Anthony Mark Donald Steven Paul Andrew Joshua Kenneth Kevin Brian George Timothy Ronald Edward "
    "Jason Jeffrey Ryan Jacob Gary Nicholas Eric Jonathan Stephen Larry Justin Scott Brandon Benjamin "
    "Samuel Gregory Alexander Frank Patrick Raymond Jack Dennis Jerry Tyler Aaron Jose Adam Nathan "
    "Henry Douglas Zachary Peter Kyle Ethan Walter Noah Jeremy Christian Keith Roger Gerald "
    "Harold Austin Carl Arthur Lawrence Dylan Bryan Billy Joe Bruce Gabriel Logan "
    "Albert Willie Alan Juan Wayne Elijah Randy Roy Vincent Ralph Eugene Russell Bobby Mason Philip "
    "Louis Harry Oliver Alfie Freddie Archie Leo Oscar Theo Toby Max Jake Callum Connor Liam "
    "Ben Tom Tim Jim Bill Bob Rob Dan Nick Matt Mike Steve Tony Pete Phil Ed Ted Ian Neil Graham "
    "Gordon Keir Rishi Boris Nigel Jeremy Ed Wes Sadiq Michael Gavin Grant Iain Liam Oliver "
    "Jacob Kwasi Nadhim Dominic Sajid Matt Andy Angus Humza Anas Keir Darren Jonathan "
    "Stuart Craig Ross Shaun Martin Barry Trevor Derek Colin Malcolm Kenneth Kenny Ray "
    "Geoffrey Hugh Rupert Giles Crispin Hamish Fergus Dougie Alistair Alasdair Euan Ewan Declan Ciaran "
    "Conor Niall Eamon Seamus Mohammed Muhammad Ahmed Ali Omar Hassan Imran Rahul Raj Sanjay "
    "Vladimir Volodymyr Emmanuel Olaf Friedrich Donald Joe Barack Mitch Chuck Ron Ted Marco Rand "
    "Elon Jeff Bernie Hunter Jared Kevin Mike Marcus Dmitri Sergei Viktor Xi Narendra "
    "Benjamin Yair Recep Justin Anthony Pierre Jens Mark Geert Pedro Luis Carlos Diego "
    "Frederick Fred Francis Dave Danny Gareth Rhys Owen Dafydd Huw Gethin Carwyn Vaughan".split())

FIRST_NAMES = FEMALE_FIRST_NAMES | MALE_FIRST_NAMES

# Nationality adjectives: never a personal name ("Albion’s Italian"), and a sign that an office is
# another country's ("the French president").
NATIONALITIES = frozenset("American French German Russian Chinese Ukrainian Israeli Italian Spanish Canadian "
                          "Australian Irish Indian Japanese European Dutch Polish Iranian Saudi Brazilian "
                          "Mexican Portuguese Greek Turkish Swedish Norwegian Danish Belgian Swiss Austrian "
                          "Argentine Argentinian Nigerian Kenyan Pakistani Egyptian Korean Czech Slovak Hungarian "
                          "Romanian Bulgarian Serbian Croatian Finnish Welsh English Scottish British Belarusian "
                          "Georgian Taiwanese Vietnamese Thai Filipino Indonesian Colombian Chilean Peruvian "
                          "Venezuelan Cuban Jamaican Ghanaian Ethiopian Somali Syrian Iraqi Afghan Lebanese "
                          "Palestinian Qatari Emirati Moroccan Algerian Tunisian Libyan Sudanese Zimbabwean".split())

# The story's home country, whose possessive before one of its bodies is dropped ("Britain's
# Foreign Office" is the Foreign Office, rule 10). Only it: "Russia's Foreign Ministry" and
# "Ukraine's Foreign Ministry" are two bodies, named as written.
HOME_COUNTRIES = frozenset("UK Britain".split())

# Who held the offices the story's coverage names without the holder (2024–2026, public record):
# "the Tory leader" is Kemi Badenoch only in an article that names Kemi Badenoch (attribution
# checks that a holder is among the article's own people, so a speaker the article never names
# stays as described, labels/README.md rule 28). Keys are lower case, party names as written
# after "tory" -> "conservative" and "lib dem" -> "liberal democrat".
OFFICE_HOLDERS = {
    "prime minister": ("Keir Starmer",), "pm": ("Keir Starmer",),
    "conservative leader": ("Kemi Badenoch",), "leader of the opposition": ("Kemi Badenoch",),
    "opposition leader": ("Kemi Badenoch",),
    "liberal democrat leader": ("Ed Davey",), "reform uk leader": ("Nigel Farage",), "reform leader": ("Nigel Farage",),
    "health secretary": ("Wes Streeting",), "chancellor": ("Rachel Reeves",),
    "foreign secretary": ("David Lammy", "Yvette Cooper"), "home secretary": ("Yvette Cooper", "Shabana Mahmood"),
    "deputy prime minister": ("Angela Rayner", "David Lammy"), "business secretary": ("Jonathan Reynolds", "Peter Kyle"),
    "scotland secretary": ("Ian Murray", "Douglas Alexander"), "shadow foreign secretary": ("Priti Patel",),
    "shadow chancellor": ("Mel Stride",), "commons speaker": ("Lindsay Hoyle",),
    "us president": ("Donald Trump",), "president": ("Donald Trump",), "american president": ("Donald Trump",),
}
