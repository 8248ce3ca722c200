/** Strings of opening data without typing a path: the native dialog, the page's folder browser, a drop onto the window, the webcam. */
export const opening = {
  es: {
    upload: {
      unreadable:
        'El navegador no pudo leer una parte de lo que soltaste (sin permiso, o un archivo se borró mientras tanto); no se subió nada. Revisa la carpeta y suéltala de nuevo, o elígela con «Elegir carpeta…».',
    },
    pathChoice: {
      folder: 'Elegir carpeta…',
      file: 'Elegir archivo…',
      browse: 'Explorar…',
      dialogTitle: {
        'image-folder': 'Elige la carpeta del conjunto (una subcarpeta por clase)',
        csv: 'Elige un archivo CSV o TSV',
        'model-folder': 'Elige la carpeta del modelo (con model.json)',
      },
      dropHint: 'También puedes soltar una carpeta o un CSV sobre la ventana.',
      dropped: 'Abriendo «{path}»…',
      dropNoPath: 'Lo que soltaste no es un archivo ni una carpeta del disco. Suelta la carpeta desde el explorador de archivos.',
    },
    browse: {
      title: {
        'image-folder': 'Elige la carpeta del conjunto',
        csv: 'Elige un archivo CSV o TSV',
        'model-folder': 'Elige la carpeta del modelo',
      },
      roots: 'Carpetas permitidas',
      crumbs: 'Ruta',
      up: 'Subir un nivel',
      list: 'Contenido de la carpeta',
      empty: 'Esta carpeta no tiene subcarpetas ni tablas visibles.',
      hiddenNote: 'Los archivos y carpetas ocultos (que empiezan por «.») no se muestran.',
      truncated: 'Hay más elementos de los que se muestran; escribe la ruta para llegar a los demás.',
      keys: 'Flechas para moverte, Intro para entrar, Retroceso para subir, Esc para cerrar.',
      look: { 'image-dataset': 'conjunto de imágenes', 'class-folder': 'carpeta de una clase', table: 'tabla' },
      classFolderNote:
        'Esta carpeta tiene imágenes sueltas: parece una sola clase. Sube un nivel y abre la carpeta que tiene una subcarpeta por clase.',
      openHere: 'Abrir esta carpeta',
      openEntry: 'Abrir',
      cancel: 'Cancelar',
      loading: 'Leyendo la carpeta…',
    },
    camera: {
      title: 'Cámara',
      hint: 'Toma fotos de cada clase con la cámara, como en Teachable Machine, y guárdalas como un conjunto de imágenes.',
      start: 'Capturar con la cámara',
      stop: 'Cerrar la cámara',
      preview: 'Vista de la cámara',
      datasetName: 'Nombre del conjunto',
      rate: 'Fotos por segundo',
      classes: 'Clases',
      className: 'Nombre de la clase {index}',
      addClass: 'Añadir clase',
      removeClass: 'Quitar la clase {name}',
      hold: 'Mantén pulsado para grabar «{name}»',
      holdHint: 'Mantén pulsado el botón (o la barra espaciadora sobre él) mientras muestras la clase a la cámara.',
      count: '{count} fotos',
      clearClass: 'Borrar las fotos de {name}',
      save: 'Guardar como conjunto',
      saving: 'Guardando las fotos…',
      defaultClass: 'clase {index}',
      defaultName: 'camara',
      errors: {
        insecure:
          'El navegador solo deja usar la cámara en esta misma máquina (http://127.0.0.1) o por https. Abre Sinapsis en la app de escritorio o en http://127.0.0.1, o sube una carpeta de fotos.',
        unsupported:
          'Este navegador no permite usar la cámara desde una página. Usa Chromium o Firefox actualizados, o sube una carpeta de fotos.',
        denied:
          'El permiso para usar la cámara se denegó. Permítelo en el candado de la barra de direcciones (o en la configuración del sistema) y vuelve a pulsar «Capturar con la cámara».',
        missing: 'No se encontró ninguna cámara. Conecta una y vuelve a intentarlo, o sube una carpeta de fotos.',
        busy: 'La cámara está en uso por otra aplicación. Ciérrala y vuelve a intentarlo.',
        other: 'No se pudo abrir la cámara ({reason}). Vuelve a intentarlo o sube una carpeta de fotos.',
        fewClasses: 'Hacen falta fotos de al menos dos clases para guardar el conjunto; graba fotos de otra clase.',
        emptyClass: 'La clase «{name}» no tiene fotos: grábalas o quita la clase.',
        badName: '«{name}» no sirve como nombre de carpeta: no puede estar vacío, empezar por «.» ni contener / o \\. Cámbialo.',
        duplicateName: 'Dos clases se llaman «{name}»; cada clase necesita su propio nombre.',
      },
    },
    errors: {
      'native-dialog-unavailable':
        'El diálogo de archivos del sistema solo existe en la app de escritorio. En el navegador, sube la carpeta (suéltala en Datos) o elígela con «Explorar…».',
      'browse-not-a-folder': '«{path}» no es una carpeta que exista. Sube a una carpeta que exista o vuelve a empezar desde la primera.',
      'browse-relative-path':
        '«{path}» no es una ruta completa. Empieza en la carpeta personal (~) o escribe una ruta desde la raíz (como /home/ana/fotos).',
      'browse-unreadable':
        'No se puede leer la carpeta «{path}» (sin permiso). Elige otra carpeta o pide a quien la administra que te deje leerla.',
    },
  },
  pt: {
    upload: {
      unreadable:
        'O navegador não conseguiu ler uma parte do que você soltou (sem permissão, ou um arquivo foi apagado nesse meio-tempo); nada foi enviado. Verifique a pasta e solte-a de novo, ou escolha-a com «Escolher pasta…».',
    },
    pathChoice: {
      folder: 'Escolher pasta…',
      file: 'Escolher arquivo…',
      browse: 'Explorar…',
      dialogTitle: {
        'image-folder': 'Escolha a pasta do conjunto (uma subpasta por classe)',
        csv: 'Escolha um arquivo CSV ou TSV',
        'model-folder': 'Escolha a pasta do modelo (com model.json)',
      },
      dropHint: 'Você também pode soltar uma pasta ou um CSV sobre a janela.',
      dropped: 'Abrindo «{path}»…',
      dropNoPath: 'O que você soltou não é um arquivo nem uma pasta do disco. Solte a pasta a partir do gerenciador de arquivos.',
    },
    browse: {
      title: {
        'image-folder': 'Escolha a pasta do conjunto',
        csv: 'Escolha um arquivo CSV ou TSV',
        'model-folder': 'Escolha a pasta do modelo',
      },
      roots: 'Pastas permitidas',
      crumbs: 'Caminho',
      up: 'Subir um nível',
      list: 'Conteúdo da pasta',
      empty: 'Esta pasta não tem subpastas nem tabelas visíveis.',
      hiddenNote: 'Arquivos e pastas ocultos (que começam com «.») não são mostrados.',
      truncated: 'Há mais itens do que os mostrados; digite o caminho para chegar aos outros.',
      keys: 'Setas para se mover, Enter para entrar, Backspace para subir, Esc para fechar.',
      look: { 'image-dataset': 'conjunto de imagens', 'class-folder': 'pasta de uma classe', table: 'tabela' },
      classFolderNote: 'Esta pasta tem imagens soltas: parece uma só classe. Suba um nível e abra a pasta que tem uma subpasta por classe.',
      openHere: 'Abrir esta pasta',
      openEntry: 'Abrir',
      cancel: 'Cancelar',
      loading: 'Lendo a pasta…',
    },
    camera: {
      title: 'Câmera',
      hint: 'Tire fotos de cada classe com a câmera, como no Teachable Machine, e salve-as como um conjunto de imagens.',
      start: 'Capturar com a câmera',
      stop: 'Fechar a câmera',
      preview: 'Imagem da câmera',
      datasetName: 'Nome do conjunto',
      rate: 'Fotos por segundo',
      classes: 'Classes',
      className: 'Nome da classe {index}',
      addClass: 'Adicionar classe',
      removeClass: 'Remover a classe {name}',
      hold: 'Mantenha pressionado para gravar «{name}»',
      holdHint: 'Mantenha o botão pressionado (ou a barra de espaço sobre ele) enquanto mostra a classe para a câmera.',
      count: '{count} fotos',
      clearClass: 'Apagar as fotos de {name}',
      save: 'Salvar como conjunto',
      saving: 'Salvando as fotos…',
      defaultClass: 'classe {index}',
      defaultName: 'camera',
      errors: {
        insecure:
          'O navegador só permite usar a câmera nesta mesma máquina (http://127.0.0.1) ou por https. Abra o Sinapsis no aplicativo de desktop ou em http://127.0.0.1, ou envie uma pasta de fotos.',
        unsupported:
          'Este navegador não permite usar a câmera a partir de uma página. Use o Chromium ou o Firefox atualizados, ou envie uma pasta de fotos.',
        denied:
          'A permissão para usar a câmera foi negada. Permita-a no cadeado da barra de endereços (ou nas configurações do sistema) e clique de novo em «Capturar com a câmera».',
        missing: 'Nenhuma câmera foi encontrada. Conecte uma e tente de novo, ou envie uma pasta de fotos.',
        busy: 'A câmera está sendo usada por outro aplicativo. Feche-o e tente de novo.',
        other: 'Não foi possível abrir a câmera ({reason}). Tente de novo ou envie uma pasta de fotos.',
        fewClasses: 'São necessárias fotos de pelo menos duas classes para salvar o conjunto; grave fotos de outra classe.',
        emptyClass: 'A classe «{name}» não tem fotos: grave-as ou remova a classe.',
        badName: '«{name}» não serve como nome de pasta: não pode estar vazio, começar com «.» nem conter / ou \\. Mude-o.',
        duplicateName: 'Duas classes se chamam «{name}»; cada classe precisa de um nome próprio.',
      },
    },
    errors: {
      'native-dialog-unavailable':
        'A janela de arquivos do sistema só existe no aplicativo de desktop. No navegador, envie a pasta (solte-a em Dados) ou escolha-a com «Explorar…».',
      'browse-not-a-folder': '«{path}» não é uma pasta que exista. Suba até uma pasta que exista ou comece de novo pela primeira.',
      'browse-relative-path':
        '«{path}» não é um caminho completo. Comece na pasta pessoal (~) ou digite um caminho a partir da raiz (como /home/ana/fotos).',
      'browse-unreadable':
        'Não é possível ler a pasta «{path}» (sem permissão). Escolha outra pasta ou peça a quem a administra que permita a leitura.',
    },
  },
  en: {
    upload: {
      unreadable:
        'The browser could not read part of what you dropped (no permission, or a file was deleted meanwhile); nothing was uploaded. Check the folder and drop it again, or pick it with "Choose folder…".',
    },
    pathChoice: {
      folder: 'Choose folder…',
      file: 'Choose file…',
      browse: 'Browse…',
      dialogTitle: {
        'image-folder': 'Choose the dataset folder (one subfolder per class)',
        csv: 'Choose a CSV or TSV file',
        'model-folder': 'Choose the model folder (with model.json)',
      },
      dropHint: 'You can also drop a folder or a CSV onto the window.',
      dropped: 'Opening "{path}"…',
      dropNoPath: 'What you dropped is not a file or folder on disk. Drop the folder from the file manager.',
    },
    browse: {
      title: { 'image-folder': 'Choose the dataset folder', csv: 'Choose a CSV or TSV file', 'model-folder': 'Choose the model folder' },
      roots: 'Allowed folders',
      crumbs: 'Path',
      up: 'Up one level',
      list: 'Folder contents',
      empty: 'This folder has no visible subfolders or tables.',
      hiddenNote: 'Hidden files and folders (starting with ".") are not shown.',
      truncated: 'There are more items than shown; type the path to reach the others.',
      keys: 'Arrows to move, Enter to go in, Backspace to go up, Esc to close.',
      look: { 'image-dataset': 'image dataset', 'class-folder': 'one class folder', table: 'table' },
      classFolderNote:
        'This folder holds images directly: it looks like one class. Go up one level and open the folder that has one subfolder per class.',
      openHere: 'Open this folder',
      openEntry: 'Open',
      cancel: 'Cancel',
      loading: 'Reading the folder…',
    },
    camera: {
      title: 'Camera',
      hint: 'Take photos of each class with the camera, as in Teachable Machine, and save them as an image dataset.',
      start: 'Capture with the camera',
      stop: 'Close the camera',
      preview: 'Camera view',
      datasetName: 'Dataset name',
      rate: 'Photos per second',
      classes: 'Classes',
      className: 'Name of class {index}',
      addClass: 'Add class',
      removeClass: 'Remove class {name}',
      hold: 'Hold to record "{name}"',
      holdHint: 'Hold the button down (or the space bar on it) while you show the class to the camera.',
      count: '{count} photos',
      clearClass: 'Delete the photos of {name}',
      save: 'Save as a dataset',
      saving: 'Saving the photos…',
      defaultClass: 'class {index}',
      defaultName: 'camera',
      errors: {
        insecure:
          'The browser allows the camera only on this same machine (http://127.0.0.1) or over https. Open Sinapsis in the desktop app or at http://127.0.0.1, or upload a folder of photos.',
        unsupported:
          'This browser does not let a page use the camera. Use an up-to-date Chromium or Firefox, or upload a folder of photos.',
        denied:
          'Permission to use the camera was denied. Allow it from the padlock in the address bar (or the system settings) and press "Capture with the camera" again.',
        missing: 'No camera was found. Connect one and try again, or upload a folder of photos.',
        busy: 'The camera is in use by another application. Close it and try again.',
        other: 'The camera could not be opened ({reason}). Try again, or upload a folder of photos.',
        fewClasses: 'Photos of at least two classes are needed to save the dataset; record photos of another class.',
        emptyClass: 'Class "{name}" has no photos: record some or remove the class.',
        badName: '"{name}" cannot be a folder name: it must not be empty, start with "." or contain / or \\. Change it.',
        duplicateName: 'Two classes are called "{name}"; each class needs its own name.',
      },
    },
    errors: {
      'native-dialog-unavailable':
        'The system file dialog exists only in the desktop app. In the browser, upload the folder (drop it on Datos) or pick it with "Browse…".',
      'browse-not-a-folder': '"{path}" is not a folder that exists. Go up to a folder that exists, or start again from the first one.',
      'browse-relative-path':
        '"{path}" is not a full path. Start from the home folder (~) or give a path from the top (like /home/ana/fotos).',
      'browse-unreadable':
        'The folder "{path}" cannot be read (no permission). Choose another folder, or ask whoever manages it to let you read it.',
    },
  },
};
