package event

// ownVerb is one entry of faultline's own verb lexicon: a verb lemma,
// optionally with a particle or preposition that must follow it (as a
// compound:prt child or as the case of an oblique), and the CAMEO code.
// The codes follow the CAMEO manual (Schrodt 2012, version 1.1b3) for the
// verbs that news uses most; the table is ours.
type ownVerb struct {
	lemma    string
	particle string // "" for the bare verb
	code     string
}

// ownVerbs is consulted only for lemmas that the user's verb dictionaries
// (--dict) do not know, and only when Options.OwnVerbs is set.
var ownVerbs = []ownVerb{
	// 01 make public statement / 02 appeal
	{"appeal", "", "020"}, {"urge", "", "020"}, {"call", "on", "020"}, {"call", "for", "020"},
	{"ask", "", "020"}, {"request", "", "020"}, {"demand", "", "100"}, {"plead", "", "020"},
	// 03 express intent to cooperate
	{"offer", "", "030"}, {"pledge", "", "030"}, {"promise", "", "030"},
	// 04 consult
	{"meet", "", "040"}, {"meet", "with", "040"}, {"consult", "", "040"}, {"talk", "with", "040"},
	{"talk", "to", "040"}, {"discuss", "", "040"}, {"host", "", "043"}, {"visit", "", "042"},
	{"invite", "", "036"}, {"negotiate", "", "046"}, {"negotiate", "with", "046"}, {"receive", "", "043"},
	// 05 diplomatic cooperation
	{"praise", "", "051"}, {"welcome", "", "051"}, {"thank", "", "051"}, {"commend", "", "051"},
	{"endorse", "", "051"}, {"support", "", "051"}, {"back", "", "051"}, {"defend", "", "051"},
	{"sign", "", "057"}, {"recognize", "", "054"}, {"recognise", "", "054"}, {"apologize", "to", "055"},
	{"forgive", "", "056"}, {"ally", "with", "050"},
	// 06 material cooperation
	{"cooperate", "with", "060"}, {"share", "", "062"}, {"train", "", "061"},
	// 07 provide aid
	{"aid", "", "070"}, {"help", "", "070"}, {"assist", "", "070"}, {"supply", "", "070"},
	{"arm", "", "072"}, {"fund", "", "071"}, {"finance", "", "071"}, {"donate", "", "070"},
	// 08 yield
	{"release", "", "0841"}, {"free", "", "0841"}, {"withdraw", "from", "087"}, {"surrender", "to", "0874"},
	{"ease", "", "080"}, {"lift", "", "081"}, {"return", "", "084"},
	// 09 investigate
	{"investigate", "", "090"}, {"probe", "", "090"},
	// 10 demand
	{"press", "", "100"},
	// 11 disapprove
	{"accuse", "", "112"}, {"blame", "", "112"}, {"criticize", "", "111"}, {"criticise", "", "111"},
	{"condemn", "", "111"}, {"denounce", "", "111"}, {"slam", "", "111"}, {"charge", "", "112"},
	{"sue", "", "115"}, {"complain", "about", "114"}, {"warn", "", "130"},
	// 12 reject
	{"reject", "", "120"}, {"refuse", "", "120"}, {"deny", "", "120"}, {"veto", "", "1244"},
	{"snub", "", "120"}, {"rebuff", "", "120"},
	// 13 threaten
	{"threaten", "", "130"},
	// 14 protest
	{"protest", "", "140"}, {"protest", "against", "140"}, {"rally", "against", "141"},
	{"demonstrate", "against", "141"}, {"boycott", "", "1412"},
	// 15 exhibit force posture
	{"mobilize", "", "150"}, {"deploy", "", "150"},
	// 16 reduce relations
	{"sanction", "", "163"}, {"suspend", "", "160"}, {"cut", "", "160"},
	// 17 coerce
	{"arrest", "", "173"}, {"detain", "", "173"}, {"hold", "", "173"}, {"jail", "", "173"},
	{"imprison", "", "173"}, {"seize", "", "170"}, {"kidnap", "", "181"}, {"abduct", "", "181"},
	{"deport", "", "174"}, {"raid", "", "170"}, {"confiscate", "", "171"}, {"ban", "", "172"},
	{"torture", "", "1721"},
	{"steal", "", "171"}, {"loot", "", "171"}, {"plunder", "", "171"}, {"rustle", "", "171"},
	// 18 assault
	{"attack", "", "190"}, {"assault", "", "180"}, {"bomb", "", "183"}, {"ambush", "", "190"},
	{"kill", "", "180"}, {"assassinate", "", "186"}, {"execute", "", "180"}, {"stab", "", "180"},
	{"beat", "", "180"}, {"shoot", "", "180"},
	// 19 fight
	{"fight", "", "190"}, {"fight", "against", "190"}, {"battle", "", "190"}, {"clash", "with", "190"},
	{"shell", "", "195"}, {"invade", "", "192"}, {"occupy", "", "192"}, {"besiege", "", "191"},
	{"blockade", "", "191"}, {"strike", "", "190"}, {"target", "", "190"},
	{"oust", "", "190"}, {"turn", "against", "190"}, {"expel", "", "190"}, {"drive", "out", "190"}, {"push", "back", "190"},
	// 20 mass violence
	{"massacre", "", "200"},
}

// ownObjectVerb is an entry of our own verb lexicon that holds only with
// one of the given object nouns (the object's head lemma, or the head with
// its compound: "tear gas"): "fired tear gas" is repression where "fired
// the minister" is not; "threw stones" is a violent protest.
type ownObjectVerb struct {
	lemmas  []string
	objects []string
	code    string
}

// ownObjectVerbs are consulted before ownVerbs. Codes follow the CAMEO
// manual (1.1b3): 145 protest violently, riot; 175 use tactics of violent
// repression; 125 reject proposal to meet, discuss or negotiate; 171 seize
// or damage property. A throw by someone who is no protester is an assault
// (182), see throwCode.
var ownObjectVerbs = []ownObjectVerb{
	{[]string{"throw", "hurl", "lob", "pelt"}, []string{"stone", "stones", "rock", "rocks", "brick", "bricks", "bottle", "bottles", "firebomb", "firebombs", "petrol bomb", "petrol bombs", "molotov cocktail", "molotov cocktails", "projectile", "projectiles"}, "145"},
	{[]string{"fire", "use", "lob", "spray", "shoot"}, []string{"tear gas", "teargas", "gas", "water cannon", "water cannons", "rubber bullet", "rubber bullets", "pepper spray", "stun grenade", "stun grenades"}, "175"},
	{[]string{"reject", "refuse", "decline", "rebuff", "snub", "turn"}, []string{"invitation", "invitations"}, "125"},
}

// protestSubjects are the doers whose thrown stones are a riot (CAMEO 145)
// rather than an assault (182).
var protestSubjects = map[string]bool{
	"protester": true, "protesters": true, "protestor": true, "protestors": true, "demonstrator": true, "demonstrators": true,
	"rioter": true, "rioters": true, "crowd": true, "crowds": true, "mob": true, "youths": true, "students": true,
	"opposition": true, "supporters": true, "activists": true,
}

// ownIndex maps a lemma to its entries, particle-bearing ones first.
var ownIndex = func() map[string][]ownVerb {
	m := map[string][]ownVerb{}
	for _, v := range ownVerbs {
		if v.particle != "" {
			m[v.lemma] = append([]ownVerb{v}, m[v.lemma]...)
		} else {
			m[v.lemma] = append(m[v.lemma], v)
		}
	}
	return m
}()

// speechVerbs are the lemmas whose clausal complement is a reported event.
var speechVerbs = map[string]bool{
	"say": true, "tell": true, "report": true, "warn": true, "claim": true, "state": true,
	"announce": true, "add": true, "insist": true, "allege": true, "accuse": true, "note": true,
	"believe": true, "argue": true, "write": true, "declare": true, "confirm": true, "deny": true,
	"explain": true, "suggest": true, "indicate": true, "reveal": true, "assert": true,
}

// hedgeAux are auxiliaries that make an event hypothetical or future.
var hedgeAux = map[string]bool{
	"could": true, "may": true, "might": true, "would": true, "should": true, "can": true,
	"will": true, "shall": true, "must": true, "wo": true, "ca": true,
}

// hedgeHeads are verbs whose complement has not happened (yet).
var hedgeHeads = map[string]bool{
	"threaten": true, "vow": true, "plan": true, "promise": true, "intend": true, "want": true,
	"hope": true, "seek": true, "try": true, "aim": true, "pledge": true, "expect": true,
	"consider": true, "propose": true, "offer": true, "agree": true, "decide": true, "prepare": true,
}

// directiveVerbs ask someone else to act: their object (or, in the
// passive, their subject) is only asked to do the complement.
var directiveVerbs = map[string]bool{
	"ask": true, "urge": true, "press": true, "pressure": true, "request": true, "order": true,
	"tell": true, "encourage": true, "invite": true, "push": true, "persuade": true, "advise": true,
	"call": true, "beg": true, "implore": true, "instruct": true, "direct": true, "command": true,
}

// negHeads are verbs whose complement is not done.
var negHeads = map[string]bool{
	"refrain": true, "refuse": true, "decline": true, "fail": true, "avoid": true, "stop": true,
}

// eventNouns are nouns that name an event between the subject of the verb
// they attach to and the actor of their "with"/"against"/"on" modifier.
var eventNouns = map[string]string{
	"meeting": "040", "talks": "046", "talk": "046", "negotiation": "046", "negotiations": "046",
	"summit": "040", "consultation": "040", "consultations": "040", "visit": "042",
	"attack": "190", "offensive": "190", "assault": "180", "airstrike": "195", "strike": "190",
	"war": "190", "fight": "190", "fighting": "190", "campaign": "190", "battle": "190", "agreement": "057", "accord": "057", "deal": "057", "treaty": "057",
}

// accusingSpeech are the verbs that accuse when what they report is an act
// of material conflict (PETRARCH's "a (b ATTACK) SAY = a b 112").
var accusingSpeech = map[string]bool{
	"say": true, "warn": true, "claim": true, "allege": true, "charge": true, "report": true, "accuse": true, "insist": true,
}

// neutralSpeech are the accusing verbs that only tell: they accuse of
// violence (CAMEO 18-20), not of every act of material conflict, which
// "warn", "allege" or "charge" do ("warned that militias are holding men").
var neutralSpeech = map[string]bool{"say": true, "report": true, "insist": true}

// intentHeads are the verbs whose xcomp is an intended action: the coder
// codes the intention (CAMEO 03x or 13x), not the action.
var intentHeads = map[string]bool{
	"want": true, "plan": true, "intend": true, "vow": true, "pledge": true, "promise": true,
	"threaten": true, "seek": true, "aim": true, "hope": true, "wish": true,
}

// intentCode maps an intended action's code to the CAMEO code of the
// expressed intention (CAMEO 1.1b3: 03 express intent to cooperate, 13
// threaten).
func intentCode(code string) string {
	if len(code) < 2 {
		return code
	}
	switch code[:2] {
	case "01", "02", "03", "09", "10", "11", "12", "13":
		// speech acts stay what they are; so does investigating, which
		// CAMEO has no intention code for and which is no cooperation
		// ("want to re-examine the sites" is not 030)
		return code
	case "04":
		return "036"
	case "05":
		return "032"
	case "06":
		return "031"
	case "07":
		return "033"
	case "08":
		return "035"
	case "14", "15":
		return "130"
	case "16":
		return "131"
	case "17":
		return "137"
	default: // 18-20
		return "138"
	}
}

// rejectCode maps a cooperative code that is refused ("will not provide
// support", "vows not to cooperate") to the CAMEO 12 code of the refusal
// (CAMEO 1.1b3: 121 reject material cooperation, 124 refuse to yield, 125
// reject proposal to meet).
func rejectCode(code string) string {
	switch code[:2] {
	case "04":
		return "125"
	case "06", "07":
		return "121"
	case "08":
		return "124"
	}
	return "120"
}
