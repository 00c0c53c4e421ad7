package cameo

// codeTable lists every CAMEO event code (version 1.1b3 as used by GDELT
// and PETRARCH) as "code|Goldstein|name". The names are our own short
// wording. Goldstein values are the published weights of Goldstein (1992),
// "A Conflict-Cooperation Scale for WEIS Events Data", Journal of Conflict
// Resolution 36(2), as assigned per CAMEO code in GDELT's lookup file
// CAMEO.goldsteinscale.txt (facts, re-entered here).
const codeTable = `
01|0.0|make a public statement
010|0.0|make a statement
011|-0.1|decline to comment
012|-0.4|make a pessimistic comment
013|0.4|make an optimistic comment
014|0.0|consider a policy option
015|0.0|acknowledge or claim responsibility
016|-2.0|deny responsibility
017|0.0|engage in symbolic act
018|3.4|express sympathy
019|3.4|express accord
02|3.0|appeal
020|3.0|make an appeal or request
021|3.4|appeal for material cooperation
0211|3.4|appeal for economic cooperation
0212|3.4|appeal for military cooperation
0213|3.4|appeal for judicial cooperation
0214|3.4|appeal for intelligence
022|3.2|appeal for diplomatic cooperation
023|3.4|appeal for aid
0231|3.4|appeal for economic aid
0232|3.4|appeal for military aid
0233|3.4|appeal for humanitarian aid
0234|3.4|appeal for military protection or peacekeeping
024|-0.3|appeal for political reform
0241|-0.3|appeal for leadership change
0242|-0.3|appeal for policy change
0243|-0.3|appeal for rights
0244|-0.3|appeal for institutional or regime change
025|-0.3|appeal to yield
0251|-0.3|appeal to ease administrative sanctions
0252|-0.3|appeal to ease popular dissent
0253|-0.3|appeal to release persons or property
0254|-0.3|appeal to ease economic sanctions or embargo
0255|-0.3|appeal to allow international involvement
0256|-0.3|appeal to de-escalate military engagement
026|4.0|appeal to others to meet or negotiate
027|4.0|appeal to others to settle a dispute
028|4.0|appeal to others to accept mediation
03|4.0|express intent to cooperate
030|4.0|state intent to cooperate
031|5.2|state intent to cooperate materially
0311|5.2|state intent to cooperate economically
0312|5.2|state intent to cooperate militarily
0313|5.2|state intent to cooperate on judicial matters
0314|5.2|state intent to cooperate on intelligence
032|4.5|state intent to cooperate diplomatically
033|5.2|state intent to give material aid
0331|5.2|state intent to give economic aid
0332|5.2|state intent to give military aid
0333|5.2|state intent to give humanitarian aid
0334|6.0|state intent to give military protection or peacekeeping
034|7.0|state intent to institute political reform
0341|7.0|state intent to change leadership
0342|7.0|state intent to change policy
0343|7.0|state intent to grant rights
0344|7.0|state intent to change institutions or regime
035|7.0|state intent to yield
0351|7.0|state intent to ease administrative sanctions
0352|7.0|state intent to ease popular dissent
0353|7.0|state intent to release persons or property
0354|7.0|state intent to ease economic sanctions or embargo
0355|7.0|state intent to allow international involvement
0356|7.0|state intent to de-escalate military engagement
036|4.0|state intent to meet or negotiate
037|5.0|state intent to settle a dispute
038|7.0|state intent to accept mediation
039|5.0|state intent to mediate
04|1.0|consult
040|1.0|hold consultations
041|1.0|talk by telephone
042|1.9|make a visit
043|2.8|host a visit
044|2.5|meet at a third location
045|5.0|mediate
046|7.0|negotiate
05|3.5|engage in diplomatic cooperation
050|3.5|cooperate diplomatically
051|3.4|praise or endorse
052|3.5|defend verbally
053|3.8|rally support on behalf of another
054|6.0|grant diplomatic recognition
055|7.0|apologize
056|7.0|forgive
057|8.0|sign a formal agreement
06|6.0|engage in material cooperation
060|6.0|cooperate materially
061|6.4|cooperate economically
062|7.4|cooperate militarily
063|7.4|cooperate judicially
064|7.0|share intelligence or information
07|7.0|provide aid
070|7.0|give aid
071|7.4|give economic aid
072|8.3|give military aid
073|7.4|give humanitarian aid
074|8.5|give military protection or peacekeeping
075|7.0|grant asylum
08|5.0|yield
080|5.0|yield or concede
081|5.0|ease administrative sanctions
0811|5.0|ease restrictions on political freedoms
0812|5.0|ease a ban on parties or politicians
0813|5.0|ease a curfew
0814|5.0|ease a state of emergency or martial law
082|5.0|ease political dissent
083|5.0|accede to demands for political reform
0831|5.0|accede to demands for leadership change
0832|5.0|accede to demands for policy change
0833|5.0|accede to demands for rights
0834|5.0|accede to demands for institutional or regime change
084|7.0|return or release
0841|7.0|return or release persons
0842|7.0|return or release property
085|7.0|ease economic sanctions or embargo
086|9.0|allow international involvement
0861|9.0|receive peacekeepers
0862|9.0|receive inspectors
0863|9.0|allow humanitarian access
087|9.0|de-escalate military engagement
0871|9.0|declare a truce or ceasefire
0872|9.0|ease a military blockade
0873|9.0|demobilize armed forces
0874|10.0|retreat or surrender militarily
09|-2.0|investigate
090|-2.0|open an investigation
091|-2.0|investigate crime or corruption
092|-2.0|investigate human rights abuses
093|-2.0|investigate military action
094|-2.0|investigate war crimes
10|-5.0|demand
100|-5.0|make a demand
101|-5.0|demand material cooperation
1011|-5.0|demand economic cooperation
1012|-5.0|demand military cooperation
1013|-5.0|demand judicial cooperation
1014|-5.0|demand intelligence
102|-5.0|demand diplomatic cooperation
103|-5.0|demand aid
1031|-5.0|demand economic aid
1032|-5.0|demand military aid
1033|-5.0|demand humanitarian aid
1034|-5.0|demand military protection or peacekeeping
104|-5.0|demand political reform
1041|-5.0|demand leadership change
1042|-5.0|demand policy change
1043|-5.0|demand rights
1044|-5.0|demand institutional or regime change
105|-5.0|demand that others yield
1051|-5.0|demand easing of administrative sanctions
1052|-5.0|demand easing of popular dissent
1053|-5.0|demand release of persons or property
1054|-5.0|demand easing of economic sanctions or embargo
1055|-5.0|demand international involvement be allowed
1056|-5.0|demand de-escalation of military engagement
106|-5.0|demand a meeting or negotiation
107|-5.0|demand settlement of a dispute
108|-5.0|demand mediation
11|-2.0|disapprove
110|-2.0|express disapproval
111|-2.0|criticize or denounce
112|-2.0|accuse
1121|-2.0|accuse of crime or corruption
1122|-2.0|accuse of human rights abuses
1123|-2.0|accuse of aggression
1124|-2.0|accuse of war crimes
1125|-2.0|accuse of espionage or treason
113|-2.0|rally opposition against
114|-2.0|complain officially
115|-2.0|bring a lawsuit against
116|-2.0|find guilty or liable
12|-4.0|reject
120|-4.0|reject a proposal or request
121|-4.0|reject material cooperation
1211|-4.0|reject economic cooperation
1212|-4.0|reject military cooperation
122|-4.0|reject a request for aid
1221|-4.0|reject a request for economic aid
1222|-4.0|reject a request for military aid
1223|-4.0|reject a request for humanitarian aid
1224|-4.0|reject a request for military protection or peacekeeping
123|-4.0|reject a demand for political reform
1231|-4.0|reject a demand for leadership change
1232|-4.0|reject a demand for policy change
1233|-4.0|reject a demand for rights
1234|-4.0|reject a demand for institutional or regime change
124|-4.0|refuse to yield
1241|-4.0|refuse to ease administrative sanctions
1242|-4.0|refuse to ease popular dissent
1243|-4.0|refuse to release persons or property
1244|-4.0|refuse to ease economic sanctions or embargo
1245|-4.0|refuse to allow international involvement
1246|-4.0|refuse to de-escalate military engagement
125|-5.0|reject a proposal to meet or negotiate
126|-5.0|reject mediation
127|-5.0|reject a plan or agreement to settle a dispute
128|-5.0|defy norms or law
129|-5.0|veto
13|-6.0|threaten
130|-4.4|make a threat
131|-5.8|threaten non-force measures
1311|-5.8|threaten to reduce or stop aid
1312|-5.8|threaten sanctions, boycott or embargo
1313|-5.8|threaten to reduce or break relations
132|-5.8|threaten political dissent or restrictions
1321|-5.8|threaten to restrict political freedoms
1322|-5.8|threaten to ban parties or politicians
1323|-5.8|threaten to impose a curfew
1324|-5.8|threaten to impose a state of emergency or martial law
133|-5.8|threaten political dissent or protest
134|-5.8|threaten to halt negotiations
135|-5.8|threaten to halt mediation
136|-7.0|threaten to halt international involvement
137|-7.0|threaten repression
138|-7.0|threaten military force
1381|-7.0|threaten a blockade
1382|-7.0|threaten occupation
1383|-7.0|threaten unconventional violence
1384|-7.0|threaten conventional attack
1385|-7.0|threaten attack with weapons of mass destruction
139|-7.0|give an ultimatum
14|-6.5|protest
140|-6.5|engage in political dissent
141|-6.5|demonstrate or rally
1411|-6.5|demonstrate for leadership change
1412|-6.5|demonstrate for policy change
1413|-6.5|demonstrate for rights
1414|-6.5|demonstrate for institutional or regime change
142|-6.5|hunger strike
1421|-6.5|hunger strike for leadership change
1422|-6.5|hunger strike for policy change
1423|-6.5|hunger strike for rights
1424|-6.5|hunger strike for institutional or regime change
143|-6.5|strike or boycott
1431|-6.5|strike or boycott for leadership change
1432|-6.5|strike or boycott for policy change
1433|-6.5|strike or boycott for rights
1434|-6.5|strike or boycott for institutional or regime change
144|-7.5|obstruct passage or block
1441|-7.5|block passage for leadership change
1442|-7.5|block passage for policy change
1443|-7.5|block passage for rights
1444|-7.5|block passage for institutional or regime change
145|-7.5|protest violently or riot
1451|-7.5|riot for leadership change
1452|-7.5|riot for policy change
1453|-7.5|riot for rights
1454|-7.5|riot for institutional or regime change
15|-7.2|exhibit force posture
150|-7.2|show military or police power
151|-7.2|raise police alert status
152|-7.2|raise military alert status
153|-7.2|mobilize or increase police power
154|-7.2|mobilize or increase armed forces
16|-4.0|reduce relations
160|-4.0|reduce or cut relations
161|-4.0|reduce or break diplomatic relations
162|-5.6|reduce or stop material aid
1621|-5.6|reduce or stop economic aid
1622|-5.6|reduce or stop military aid
1623|-5.6|reduce or stop humanitarian aid
163|-8.0|impose an embargo, boycott or sanctions
164|-7.0|halt negotiations
165|-6.5|halt mediation
166|-7.0|expel or withdraw
1661|-7.0|expel or withdraw peacekeepers
1662|-7.0|expel or withdraw inspectors or observers
1663|-7.0|expel or withdraw aid agencies
17|-7.0|coerce
170|-7.0|use coercion
171|-9.2|seize or damage property
1711|-9.2|confiscate property
1712|-9.2|destroy property
172|-5.0|impose administrative sanctions
1721|-5.0|restrict political freedoms
1722|-5.0|ban parties or politicians
1723|-5.0|impose a curfew
1724|-5.0|impose a state of emergency or martial law
173|-5.0|arrest, detain or charge
174|-5.0|expel or deport individuals
175|-9.0|use repression or tactics of violent repression
18|-9.0|assault
180|-9.0|use unconventional violence
181|-9.0|abduct, hijack or take hostage
182|-9.5|physically assault
1821|-9.0|sexually assault
1822|-9.0|torture
1823|-10.0|kill by physical assault
183|-10.0|bomb by non-military means
1831|-10.0|carry out a suicide bombing
1832|-10.0|carry out a vehicle bombing
1833|-10.0|carry out a roadside bombing
184|-8.0|use as a human shield
185|-8.0|attempt to assassinate
186|-10.0|assassinate
19|-10.0|fight
190|-10.0|use conventional military force
191|-9.5|impose a blockade or restrict movement
192|-9.5|occupy territory
193|-10.0|fight with small arms and light weapons
194|-10.0|fight with artillery and tanks
195|-10.0|carry out aerial attacks
196|-9.5|violate a ceasefire
20|-10.0|use unconventional mass violence
200|-10.0|engage in mass violence
201|-9.5|engage in mass expulsion
202|-10.0|engage in mass killings
203|-10.0|engage in ethnic cleansing
204|-10.0|use weapons of mass destruction
2041|-10.0|use chemical, biological or radiological weapons
2042|-10.0|detonate a nuclear weapon
`
