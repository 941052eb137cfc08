// Passwords refused at sign-up: a short list of the most common ones (typed in from the lists that
// circulate publicly, such as SecLists' 10k-most-common, plus a few that suit this app's users),
// the same with digits or symbols added before or after, and one character repeated. The list is
// deliberately short: it stops the guesses an attacker tries first, not every weak password.

const COMMON = `
123456 123456789 12345678 1234567890 12345 1234567 1234 111111 123123 123321 654321 666666
121212 000000 112233 123654 987654 987654321 9876543210 0987654321 0123456789 1234512345
1234554321 1122334455 1029384756 12344321 87654321 11223344 147258369 159753 789456 789456123
147258 159357 741852963 963852741 555555 777777 7777777 888888 88888888 999999 222222 333333
232323 131313 11111 1111 0000 2000 8675309 12345678910 1234567891 123123123 123456789a
qwerty qwertyuiop qwerty123 qwerty1234 qwerty12345 qwertyuiop123 qwertz qwertzuiop azerty
azertyuiop asdfgh asdfghjkl asdfasdf asdf1234 zxcvbn zxcvbnm zxcvbnm123 qazwsx qazwsxedc
1qaz2wsx 1qaz2wsx3edc 1qazxsw2 1qazxsw23edc zaq12wsx zaq1xsw2 q1w2e3r4 q1w2e3r4t5 q1w2e3r4t5y6
1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1q2w3e 123qwe 123qweasd qwe123 qwe123qwe qweasd qweasdzxc
qweqwe asdasd zxczxc 1234qwer qwer1234 abc123 abcd1234 abcdef abcdefg abcdefgh abcdefghij
abc12345 a1b2c3 a1b2c3d4 aaaaaa
password password1 password12 password123 password1234 passw0rd p@ssw0rd p@ssword pass
passpass passwordpassword mypassword newpassword password! secret secret123 letmein
letmein123 welcome welcome1 welcome123 changeme default login admin admin123 administrator
root toor guest test test123 testing user master access trustno1 whatever nothing
iloveyou iloveyou1 iloveu loveyou lovelove love lovely lover babygirl baby sweetheart
princess princess1 angel angels sunshine sunshine1 flower butterfly rainbow blessed jesus
jesus1 christ godisgood heaven freedom forever friends friend bestfriend family happy smile
dragon dragon123 monkey monkey123 shadow master1 superman superman1 batman spiderman spider
pokemon naruto starwars starwars1 matrix gandalf merlin wizard phoenix falcon eagle eagles
tiger tigers tigger lion bulldog dog doggie puppy kitten pussycat cat cats rabbit bunny
horse pony turtle dolphin monster killer hunter ranger knight warrior soldier ninja pirate
football football1 baseball baseball1 basketball soccer hockey tennis golfer golf boxing
yankees redsox lakers cowboys steelers raiders packers dallas chicago boston london paris
arsenal chelsea liverpool barcelona realmadrid juventus manchester united celtic
michael michael1 jennifer jessica jessica1 ashley amanda nicole daniel andrew joshua matthew
anthony anthony1 charlie charlie1 robert thomas william james jordan jordan23 justin taylor
hannah samantha michelle melissa heather rachel andrea natasha victoria jasmine maggie
george joseph richard patrick brandon chris steven edward oliver jackson austin martin
alexander christopher nicolas
computer computer1 internet google facebook instagram youtube twitter linkedin apple
microsoft samsung nokia windows linux mobile iphone android gateway compaq
summer winter spring autumn january february march april may june july august september
october november december monday friday sunday holiday
chocolate cookie cookies cheese banana orange peanut coffee pepper ginger candy sugar honey
pizza hamburger chicken apple123
mustang ferrari porsche mercedes corvette camaro harley yamaha nascar
music guitar fender player gamer minecraft fortnite roblox
hello hello123 helloworld hellokitty bonjour hallo hallo123 ciao hola
motdepasse passwort wachtwoord contraseña senha parola salasana lozinka haslo
soleil doudou chouchou loulou marseille schatz sommer
school teacher student students classroom class classes college university
rebuttal rebuttallab teaching education learning
whatever1 anything nothing1 qwerty1 asdfgh1 zxcvbnm1 letmein1 welcome2 trustme
blink182 ncc1701 thx1138 a123456 a12345678 aa123456 abc123456 123abc 1a2b3c 1a2b3c4d
iloveyou2 loveme loveyou1 mylove 5201314 woaini 520520 asd123 zxc123 qaz123
`;

/** The list, lower case. */
export const COMMON_PASSWORDS: ReadonlySet<string> = new Set(COMMON.split(/\s+/).filter(Boolean));

/** Why a password is refused at sign-up, or null when it is not too common. */
export function commonPasswordProblem(password: string): string | null {
	if (/^(.)\1*$/su.test(password)) return 'use more than one character repeated';
	const lower = password.toLowerCase();
	if (COMMON_PASSWORDS.has(lower)) {
		return 'this is one of the most common passwords; choose another (a few unrelated words work well)';
	}
	// a common word with digits or symbols around it: password2024!, !iloveyou1
	const core = lower.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
	if (core.length >= 4 && core !== lower && COMMON_PASSWORDS.has(core)) {
		return 'this is a common password with digits or symbols added; choose another (a few unrelated words work well)';
	}
	return null;
}
