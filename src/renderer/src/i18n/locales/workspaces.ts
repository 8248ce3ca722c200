/** Lab server: signing in, the teacher's workspace picker, and the refusals of the workspaces area. */
export const workspaces = {
  es: {
    signIn: {
      title: 'Entrar a la clase',
      intro:
        'Este Sinapsis es el servidor de la clase. Escribe tu nombre y apellido: tu espacio de trabajo (conjuntos de datos, entrenamientos y ejecuciones) será solo tuyo y este navegador lo recordará.',
      name: 'Tu nombre',
      submit: 'Entrar',
      busy: 'Entrando…',
      hint: 'Este navegador te recordará. Desde otro navegador u otro PC, escribe tu nombre y tu código de regreso.',
      code: 'Tu código de regreso',
      codeIntro: 'Ya tienes tu espacio. Este es tu código de regreso: anótalo (o hazle una foto).',
      codeHint:
        'Con tu nombre y este código vuelves a tu espacio desde una ventana privada, otro navegador u otro PC. No se lo des a nadie: tu docente también lo tiene si lo pierdes.',
      continue: 'Ya lo anoté, entrar',
    },
    workspacePicker: {
      label: 'Ejecuciones de',
      mine: 'Mis ejecuciones',
      student: '{name} ({runs})',
      readOnly:
        'Estás viendo las ejecuciones de {name}: solo lectura. Para exportar, predecir o cambiar algo, cada estudiante lo hace en su propio espacio.',
      returnCode:
        'Código de regreso de {name}: {code} (con su nombre, le abre su espacio desde otro navegador; dáselo solo a esa persona).',
    },
    errors: {
      'workspace-name-taken':
        'El nombre «{name}» ya se usa en este servidor. Si es el tuyo, escribe abajo tu código de regreso (se te mostró al entrar la primera vez; tu docente también lo tiene); si no, añade tu apellido.',
      'workspace-code-wrong':
        'Ese no es el código de regreso de «{name}». Revísalo (se te mostró al entrar la primera vez, como ABCD-EFGH-JKMN) o pídeselo a tu docente. Tu espacio sigue intacto.',
      'workspace-name-invalid':
        'Ese nombre no sirve aquí. Escribe tu nombre (de 1 a {max} caracteres, con al menos una letra o un número).',
      'workspace-limit': 'Este servidor ya tiene {limit} espacios de trabajo, su límite. Avísale a tu docente.',
      'workspace-unknown':
        'Tu espacio de trabajo ya no existe en este servidor. Vuelve a entrar con el enlace de la clase o pídele ayuda a tu docente.',
      'workspace-not-found': 'No hay ningún espacio de trabajo «{id}» que puedas abrir.',
      'workspace-not-lab': 'Este Sinapsis no es un servidor de clase: solo tiene el espacio de su dueño.',
      'workspace-memory-full':
        'Este conjunto necesita {neededMb} MB de memoria y tu espacio puede tener {limitMb} MB de conjuntos cargados en este servidor. Usa menos imágenes o más pequeñas (un redimensionado menor, una parte de la carpeta) o pídele a tu docente que suba el límite.',
      'teacher-only': 'En este servidor de clase eso lo decide tu docente para todo el grupo; pídeselo si hace falta.',
      'students-duplicate': 'La línea {line} de la lista de estudiantes repite a otro estudiante.',
    },
  },
  pt: {
    signIn: {
      title: 'Entrar na turma',
      intro:
        'Este Sinapsis é o servidor da turma. Escreva seu nome e sobrenome: seu espaço de trabalho (conjuntos de dados, treinamentos e execuções) será só seu e este navegador vai lembrá-lo.',
      name: 'Seu nome',
      submit: 'Entrar',
      busy: 'Entrando…',
      hint: 'Este navegador vai lembrar você. De outro navegador ou outro PC, escreva seu nome e seu código de retorno.',
      code: 'Seu código de retorno',
      codeIntro: 'Seu espaço está pronto. Este é o seu código de retorno: anote-o (ou tire uma foto).',
      codeHint:
        'Com seu nome e este código você volta ao seu espaço a partir de uma janela anônima, outro navegador ou outro PC. Não o passe a ninguém: o professor também o tem, se você perdê-lo.',
      continue: 'Já anotei, entrar',
    },
    workspacePicker: {
      label: 'Execuções de',
      mine: 'Minhas execuções',
      student: '{name} ({runs})',
      readOnly:
        'Você está vendo as execuções de {name}: somente leitura. Para exportar, prever ou mudar algo, cada estudante faz isso no próprio espaço.',
      returnCode: 'Código de retorno de {name}: {code} (com o nome, abre o espaço dele de outro navegador; passe-o só a essa pessoa).',
    },
    errors: {
      'workspace-name-taken':
        'O nome «{name}» já é usado neste servidor. Se for o seu, escreva abaixo seu código de retorno (mostrado quando você entrou pela primeira vez; o professor também o tem); se não, acrescente seu sobrenome.',
      'workspace-code-wrong':
        'Esse não é o código de retorno de «{name}». Confira-o (foi mostrado quando você entrou pela primeira vez, como ABCD-EFGH-JKMN) ou peça-o ao professor. Seu espaço continua intacto.',
      'workspace-name-invalid':
        'Esse nome não serve aqui. Escreva seu nome (de 1 a {max} caracteres, com pelo menos uma letra ou um número).',
      'workspace-limit': 'Este servidor já tem {limit} espaços de trabalho, o seu limite. Avise o professor.',
      'workspace-unknown':
        'Seu espaço de trabalho não existe mais neste servidor. Entre de novo pelo link da turma ou peça ajuda ao professor.',
      'workspace-not-found': 'Não há nenhum espaço de trabalho «{id}» que você possa abrir.',
      'workspace-not-lab': 'Este Sinapsis não é um servidor de turma: só tem o espaço do seu dono.',
      'workspace-memory-full':
        'Este conjunto precisa de {neededMb} MB de memória e seu espaço pode ter {limitMb} MB de conjuntos carregados neste servidor. Use menos imagens ou menores (um redimensionamento menor, uma parte da pasta) ou peça ao professor para aumentar o limite.',
      'teacher-only': 'Neste servidor de turma quem decide isso é o professor, para toda a turma; peça a ele se for preciso.',
      'students-duplicate': 'A linha {line} da lista de estudantes repete outro estudante.',
    },
  },
  en: {
    signIn: {
      title: 'Join the class',
      intro:
        'This Sinapsis is the class server. Type your first and last name: your workspace (datasets, trainings and runs) will be yours alone, and this browser will remember it.',
      name: 'Your name',
      submit: 'Join',
      busy: 'Joining…',
      hint: 'This browser will remember you. From another browser or PC, type your name and your return code.',
      code: 'Your return code',
      codeIntro: 'Your workspace is ready. This is your return code: write it down (or take a photo).',
      codeHint:
        'With your name and this code you get back to your workspace from a private window, another browser or another PC. Give it to nobody: your teacher has it too if you lose it.',
      continue: 'I wrote it down, enter',
    },
    workspacePicker: {
      label: 'Runs of',
      mine: 'My runs',
      student: '{name} ({runs})',
      readOnly:
        "You are looking at {name}'s runs: read-only. Exporting, predicting or changing anything is done by each student in their own workspace.",
      returnCode:
        "{name}'s return code: {code} (with their name, it opens their workspace from another browser; give it to that person only).",
    },
    errors: {
      'workspace-name-taken':
        'The name "{name}" is already used on this server. If it is yours, type your return code below (shown when you first joined; your teacher has it too); otherwise add your surname.',
      'workspace-code-wrong':
        'That is not the return code of "{name}". Check it (it was shown when you first joined, like ABCD-EFGH-JKMN) or ask your teacher for it. Your workspace is untouched.',
      'workspace-name-invalid': 'That name cannot be used here. Type your name (1 to {max} characters, with at least one letter or digit).',
      'workspace-limit': 'This server already has {limit} workspaces, its limit. Tell your teacher.',
      'workspace-unknown': 'Your workspace no longer exists on this server. Join again through the class link, or ask your teacher.',
      'workspace-not-found': 'There is no workspace "{id}" you can open.',
      'workspace-not-lab': "This Sinapsis is not a class server: it has only its owner's workspace.",
      'workspace-memory-full':
        'This dataset needs {neededMb} MB of memory and your workspace may hold {limitMb} MB of loaded datasets on this server. Use fewer or smaller images (a smaller resize, part of the folder), or ask your teacher to raise the limit.',
      'teacher-only': 'On this class server your teacher decides that for the whole class; ask them if it should change.',
      'students-duplicate': 'Line {line} of the students list repeats another student.',
    },
  },
};
