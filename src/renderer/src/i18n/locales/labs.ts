/** Strings of the Laboratorios view and its five labs. Formulas live in the components as MathML (they need no translation). */
export const labs = {
  es: {
    labs: {
      title: 'Laboratorios',
      intro: 'Los ejercicios del curso, paso a paso. Todo se calcula al instante en esta página, con las mismas ecuaciones de las clases.',
      tabs: {
        perceptron: 'Perceptrón y puertas lógicas',
        xor: 'XOR con backpropagation',
        activations: 'Funciones de activación',
        convolution: 'Explorador de convolución',
        playground: 'Playground',
      },
      summaries: {
        perceptron: 'Una neurona con activación escalón aprende OR, AND o NAND con la regla del perceptrón; XOR no se puede.',
        xor: 'La red 2-2-1 con tanh del ejercicio 1: pesos, sensibilidades y pérdida en cada iteración.',
        activations: 'Cada función de activación junto a su derivada, que es la que usa el aprendizaje.',
        convolution:
          'Una convolución calculada celda por celda, con ReLU y max pooling, y cadenas de convoluciones hechas a mano, sobre una matriz o una imagen propia.',
        playground: 'Una red densa de varias capas aprende un conjunto 2D mientras se dibuja su frontera de decisión.',
      },
      common: {
        explanation: 'Explicación',
        learningRate: 'Tasa de aprendizaje',
        maxIterations: 'Máx. iteraciones',
        step: 'Paso',
        runToEnd: 'Ejecutar hasta el final',
        reset: 'Reiniciar',
        pause: 'Pausa',
        iteration: 'Iteración',
        invalidNumber:
          'Hay un campo numérico vacío o inválido (la tasa de aprendizaje debe ser mayor que 0); se siguen usando los últimos valores válidos.',
      },
      perceptron: {
        gate: 'Puerta',
        gates: { or: 'OR', and: 'AND', nand: 'NAND', xor: 'XOR' },
        order: 'Presentación',
        orders: {
          repeatUntilCorrect: 'repetir cada patrón hasta acertarlo (como en clase)',
          cycle: 'recorrer los patrones en orden (épocas)',
        },
        loadSeed: 'Cargar el ejercicio OR de clase',
        tryXor: 'Probar con XOR',
        planeLabel: 'Plano de entradas con la recta de separación',
        planeHint:
          'Naranja: salida 1; azul: salida 0. La recta continua es la actual; las punteadas, las anteriores. El círculo marca el próximo patrón.',
        currentLine: 'Recta actual',
        converged: 'Convergió: todos los patrones se clasifican bien ({n} iteraciones).',
        notConverged: 'No convergió tras {n} iteraciones (patrones mal clasificados en la última época: {errors}).',
        running: '{n} iteraciones hechas.',
        emptyTable: 'Pulsa «Paso» para presentar el primer patrón.',
        columns: {
          iteration: 'It',
          output: 'Salida neurona',
          target: 'Salida real',
          newWeights: 'Nuevos w',
          newBias: 'Nuevo b',
        },
        explain: {
          neuron:
            'La neurona suma sus entradas ponderadas más el bias y aplica la función escalón: responde 1 si la suma es mayor o igual que cero.',
          rule: 'Regla del perceptrón: cuando la salida a no coincide con el objetivo t, cada peso se mueve en la dirección de su entrada p, y el bias como si fuera un peso con entrada 1. Si acierta, nada cambia (en la tabla, «–»).',
          line: 'Los puntos con w₁x₁ + w₂x₂ + b = 0 forman una recta que separa las entradas con salida 1 de las de salida 0. Cada corrección desplaza o gira esa recta.',
          seedTable:
            'Partiendo de w = (0.5, 0.5) y b = 1 como en clase, la regla con η = 1 necesita 18 iteraciones y termina en w = (1.5, 1.5), b = −1. La tabla de la clase llega en 7 porque corrige a mano (b pasa de 1 a −1, cada peso sube 0.5): es otra recta válida para OR.',
          xorTitle: '¿Por qué una neurona no puede aprender XOR?',
          xorIntro: 'Para XOR la neurona debería cumplir a la vez estas cuatro condiciones:',
          xorProof:
            'Sumando la segunda y la tercera: w₁ + w₂ + 2b ≥ 0, es decir w₁ + w₂ + b ≥ −b > 0 porque b < 0. Eso contradice la cuarta. Ninguna recta separa (0,1) y (1,0) de (0,0) y (1,1): XOR no es linealmente separable.',
          xorDemo:
            'Pulsa «Probar con XOR»: la regla corrige un error y provoca otro, época tras época, sin converger nunca. Hace falta una capa oculta (el laboratorio siguiente).',
        },
      },
      xor: {
        initialWeights: 'Pesos iniciales',
        defaultWeights: 'Pesos por defecto',
        smallInit: 'Multiplicar los pesos iniciales por 0.1',
        useBias: 'Con bias',
        mode: 'Actualización',
        modes: {
          batch: 'por lote (los 4 patrones por iteración)',
          online: 'por patrón (uno por iteración)',
        },
        runN: 'Ejecutar N iteraciones',
        runUntilConverged: 'Ejecutar hasta converger',
        iteration: 'Iteración {n}',
        loss: 'Pérdida media J = {value}',
        converged: 'Convergió en la iteración {n} (J < {threshold}).',
        notYet: 'Aún no converge (J < {threshold}).',
        meanLoss: 'J media de los 4 patrones',
        regions: 'Regiones de decisión',
        regionsHint:
          'Fondo: salida z de la red (naranja = 1, azul = −1). Líneas punteadas: donde cada neurona oculta cambia de signo (a₁ = 0 en índigo, a₂ = 0 en violeta).',
        chartWeights: 'Pesos',
        chartLoss: 'Pérdida',
        chartHiddenDeltas: 'Sensibilidades de la capa oculta (δ₁ continua, δ₂ punteada)',
        chartOutputDeltas: 'Sensibilidad de la neurona de salida',
        weightValue: 'valor',
        explain: {
          network:
            'La red tiene dos neuronas ocultas y una de salida, todas con tanh. Entradas y objetivos valen −1 o 1. El bias es el peso de una entrada fija igual a 1.',
          sensitivities:
            'La sensibilidad δ de una neurona mide cuánto cambia el error al cambiar su activación. La de salida sale del error; la de cada neurona oculta, de la de salida ponderada por el peso que las une y por la derivada de tanh.',
          modes:
            'Por lote, cada iteración suma las correcciones de los 4 patrones (promediadas) y actualiza una vez. Por patrón, cada iteración presenta un solo patrón, en el orden de la tabla.',
          smallInit:
            'Con los pesos multiplicados por 0.1, todas las activaciones están cerca de 0: la salida es casi 0 para todos los patrones, las sensibilidades ocultas son muy pequeñas y la pérdida se queda en una meseta cerca de 0.5 antes de bajar. La red tarda mucho más en converger; por patrón, con este orden fijo, puede no converger nunca.',
          noBias:
            'Sin bias cada neurona calcula una función impar, tanh(w · x): cambiar el signo de la entrada cambia el de la salida. Entonces z(1, 1) = −z(−1, −1) y z(1, −1) = −z(−1, 1), pero XOR pide el mismo objetivo en cada par: J medio no puede bajar de 0.5 y la red nunca converge. Por eso la clase fija una entrada de bias igual a 1.',
          defaults:
            'Los pesos por defecto son nuestros (el archivo xor.py de la clase no está en este material); puedes escribir los tuyos.',
        },
      },
      activations: {
        choose: 'Función de activación',
        range: 'Rango de x',
        value: 'valor',
        columns: { name: 'Nombre' },
        explain: {
          intro: 'El aprendizaje usa la derivada f′ en cada sensibilidad, por eso importa tanto como f. La tabla de clase:',
          prelu:
            'Leaky ReLU usa una pendiente α fija para x < 0; en PReLU la misma α es un parámetro que la red aprende (aquí la eliges tú).',
          saturationTitle: 'Saturación',
          saturation:
            "La sigmoide y tanh se aplanan para {'|'}x{'|'} grande: su derivada tiende a 0. Una neurona saturada casi no transmite sensibilidad hacia atrás y sus pesos apenas cambian (desvanecimiento del gradiente), tanto más cuantas más capas haya.",
          dyingTitle: 'Neurona muerta (dying ReLU)',
          dying:
            'Con ReLU, si una actualización deja la activación de una neurona siempre negativa, su salida es siempre 0 y su derivada también: no vuelve a aprender. Leaky ReLU, PReLU y ELU conservan una pendiente para x < 0 y lo evitan.',
        },
      },
      conv: {
        loadSeed: 'Cargar la matriz 5×5 de clase',
        filter: 'Filtro',
        filters: {
          diagonalRising: 'Borde diagonal ascendente (filtro 1 de clase)',
          diagonalFalling: 'Borde diagonal descendente (filtro 2 de clase)',
          sobelX: 'Sobel Gx (bordes verticales)',
          sobelY: 'Sobel Gy (bordes horizontales)',
          gaussian5: 'Gaussiano 5×5 (suavizado)',
          custom: 'Personalizado',
        },
        stride: 'Paso',
        padding: 'Relleno de ceros',
        outputIs: 'La salida mide {n} × {n}.',
        image: 'Imagen',
        filterTitle: 'Filtro',
        padded: 'Imagen con relleno (P = {p}) y ventana actual',
        output: 'Salida',
        nextCell: 'Siguiente celda',
        play: 'Animar',
        completeAll: 'Completar',
        progress: '{done} de {total} celdas',
        cell: 'Celda ({row}, {col})',
        relu: 'Tras ReLU: max(0, x)',
        pool: 'Tras max pooling 2×2',
        poolPartial: 'Incluir las ventanas incompletas del borde (como en clase)',
        secondLayerTitle: 'Segunda capa: el detector de oreja de gato de clase',
        secondLayerHint:
          'Los filtros 1 y 2 de clase (relleno 1, ReLU y max pooling 2×2) dan dos canales; un filtro 3D con una capa por canal los combina.',
        channel: 'Canal {n}',
        slice: 'Filtro 3D, capa {n}',
        secondLayerOutput: 'Salida de la segunda capa',
        secondLayerExplain:
          'Cada celda de salida suma los productos de las dos capas del filtro con sus dos canales. Una respuesta positiva indica que las dos diagonales aparecen juntas, como en la oreja. Con la matriz de clase la diapositiva da −43 −70 −39 / 7 −70 −60 / −41 −50 −30; aquí las dos primeras filas difieren en 6 porque el canal 2 vale 4 (no 10) en su celda superior central.',
        pictureTitle: 'El mismo filtro sobre una imagen tuya',
        pictureHint: 'La imagen se convierte a escala de grises y se reduce a 240 píxeles de lado como máximo; no sale de esta página.',
        pictureRelu: 'Aplicar ReLU',
        pictureError: 'No se pudo leer «{name}» como imagen. Prueba con un PNG o JPEG.',
        pictureGray: 'Escala de grises, {w} × {h}',
        pictureFiltered: 'Filtrada, {w} × {h} (niveles estirados de mínimo a máximo)',
        errors: {
          conv: {
            outputSizeNotInteger:
              '(N + 2P − F) / S + 1 = ({n} + 2·{p} − {f}) / {s} + 1 = {size} no es entero: la ventana no cabe un número entero de veces. Cambia el paso o el relleno.',
            outputSizeNotPositive:
              '(N + 2P − F) / S + 1 = {size} es menor que 1: el filtro es más grande que la imagen con relleno. Usa un filtro menor o más relleno.',
            badStride: 'El paso debe ser un entero mayor o igual que 1 (ahora vale {stride}).',
            badPadding: 'El relleno debe ser un entero mayor o igual que 0 (ahora vale {padding}).',
            badMatrix: 'La matriz debe tener al menos una fila y todas las filas el mismo número de columnas.',
            channelMismatch: 'El filtro necesita una capa por cada canal de entrada.',
          },
        },
        explain: {
          crossCorrelation:
            'La ventana del tamaño del filtro recorre la imagen; en cada posición se multiplican celda a celda los valores de la ventana por los del filtro y se suman. Las redes convolucionales no invierten el filtro (es una correlación cruzada).',
          size: 'Con una imagen N × N, un filtro F × F, paso S y relleno P, la salida mide (N + 2P − F) / S + 1 por lado, que debe ser un entero positivo. Por ejemplo N = 7, F = 3, S = 3 da 2.33: no es posible.',
          relu: 'ReLU deja solo las respuestas positivas: donde el patrón buscado no aparece, la salida es 0.',
          pool: 'El max pooling 2×2 se queda con el máximo de cada bloque: reduce el tamaño a la mitad y hace la respuesta menos dependiente de la posición exacta.',
          filters:
            'Los filtros diagonales de clase responden a bordes inclinados; Sobel Gx y Gy estiman la derivada horizontal y vertical; el gaussiano promedia y suaviza.',
          seedNote:
            'Con la matriz de clase, relleno 1 y el filtro 1, la salida es exactamente la de la diapositiva. Con el filtro 2, la diapositiva muestra 10 en la celda superior central del canal tras el pooling, pero las sumas dan 4 (las celdas de ese bloque son −13, −4, 4 y −29).',
        },
      },
      playground: {
        dataset: 'Conjunto',
        datasets: { circles: 'Círculos', xorQuadrants: 'XOR (cuadrantes)', spirals: 'Espirales', blobs: 'Gaussianas' },
        samples: 'Puntos',
        noise: 'Ruido',
        testRatio: 'Test',
        dataSeed: 'Semilla de datos',
        dropout: 'Dropout',
        batchSize: 'Lote',
        initSeed: 'Semilla de pesos',
        layers: 'Capas ocultas',
        layersHint: 'Agrega capas y elige neuronas y activación de cada una.',
        neurons: 'Neuronas',
        activation: 'Activación',
        addLayer: 'Agregar capa',
        removeLayer: 'Quitar',
        outputLayer: 'Salida: una neurona sigmoide (probabilidad de la clase naranja) con entropía cruzada.',
        train: 'Entrenar',
        oneEpoch: 'Una época',
        save: 'Guardar configuración',
        load: 'Cargar configuración',
        showTest: 'Mostrar puntos de test',
        loadError: 'No se pudo cargar «{name}»: {reason}',
        invalidSetting: 'Revisa estos campos: {field}.',
        boundary: 'Frontera de decisión',
        legend: 'Fondo: probabilidad que da la red (naranja = clase 1). Puntos llenos: entrenamiento; huecos: test.',
        epoch: 'Época',
        trainLoss: 'Pérdida de entrenamiento',
        testLoss: 'Pérdida de test',
        accuracy: 'exactitud',
        lossAxis: 'entropía cruzada',
        explain: {
          intro: 'La red se entrena por descenso del gradiente con minilotes, minimizando la entropía cruzada más la penalización L2:',
          l2: 'L2 empuja los pesos hacia 0 en cada paso; fronteras más suaves y menos sobreajuste.',
          dropout:
            'Dropout apaga al azar cada neurona oculta con esa probabilidad en cada patrón de entrenamiento (y escala las demás), para que la red no dependa de neuronas concretas.',
          overfitting: 'Si la pérdida de entrenamiento sigue bajando mientras la de test sube, la red está sobreajustando.',
          reproduce:
            'La configuración guardada incluye las semillas: al cargarla se obtienen los mismos datos, los mismos pesos iniciales y la misma curva.',
        },
      },
    },
  },
  pt: {
    labs: {
      title: 'Laboratórios',
      intro: 'Os exercícios do curso, passo a passo. Tudo é calculado na hora nesta página, com as mesmas equações das aulas.',
      tabs: {
        perceptron: 'Perceptron e portas lógicas',
        xor: 'XOR com backpropagation',
        activations: 'Funções de ativação',
        convolution: 'Explorador de convolução',
        playground: 'Playground',
      },
      summaries: {
        perceptron: 'Um neurônio com ativação degrau aprende OR, AND ou NAND com a regra do perceptron; XOR não é possível.',
        xor: 'A rede 2-2-1 com tanh do exercício 1: pesos, sensibilidades e perda a cada iteração.',
        activations: 'Cada função de ativação junto com sua derivada, que é a usada no aprendizado.',
        convolution:
          'Uma convolução calculada célula por célula, com ReLU e max pooling, e cadeias de convoluções feitas à mão, sobre uma matriz ou uma imagem sua.',
        playground: 'Uma rede densa de várias camadas aprende um conjunto 2D enquanto sua fronteira de decisão é desenhada.',
      },
      common: {
        explanation: 'Explicação',
        learningRate: 'Taxa de aprendizado',
        maxIterations: 'Máx. iterações',
        step: 'Passo',
        runToEnd: 'Executar até o fim',
        reset: 'Reiniciar',
        pause: 'Pausar',
        iteration: 'Iteração',
        invalidNumber:
          'Há um campo numérico vazio ou inválido (a taxa de aprendizado deve ser maior que 0); os últimos valores válidos continuam em uso.',
      },
      perceptron: {
        gate: 'Porta',
        gates: { or: 'OR', and: 'AND', nand: 'NAND', xor: 'XOR' },
        order: 'Apresentação',
        orders: {
          repeatUntilCorrect: 'repetir cada padrão até acertar (como na aula)',
          cycle: 'percorrer os padrões em ordem (épocas)',
        },
        loadSeed: 'Carregar o exercício OR da aula',
        tryXor: 'Testar com XOR',
        planeLabel: 'Plano das entradas com a reta de separação',
        planeHint:
          'Laranja: saída 1; azul: saída 0. A reta contínua é a atual; as tracejadas, as anteriores. O círculo marca o próximo padrão.',
        currentLine: 'Reta atual',
        converged: 'Convergiu: todos os padrões são classificados corretamente ({n} iterações).',
        notConverged: 'Não convergiu após {n} iterações (padrões mal classificados na última época: {errors}).',
        running: '{n} iterações feitas.',
        emptyTable: 'Clique em «Passo» para apresentar o primeiro padrão.',
        columns: {
          iteration: 'It',
          output: 'Saída do neurônio',
          target: 'Saída real',
          newWeights: 'Novos w',
          newBias: 'Novo b',
        },
        explain: {
          neuron:
            'O neurônio soma as entradas ponderadas mais o bias e aplica a função degrau: responde 1 se a soma for maior ou igual a zero.',
          rule: 'Regra do perceptron: quando a saída a difere do alvo t, cada peso se move na direção da sua entrada p, e o bias como um peso com entrada 1. Se acertar, nada muda (na tabela, «–»).',
          line: 'Os pontos com w₁x₁ + w₂x₂ + b = 0 formam uma reta que separa as entradas com saída 1 das com saída 0. Cada correção desloca ou gira essa reta.',
          seedTable:
            'Partindo de w = (0.5, 0.5) e b = 1 como na aula, a regra com η = 1 precisa de 18 iterações e termina em w = (1.5, 1.5), b = −1. A tabela da aula chega em 7 porque corrige à mão (b vai de 1 a −1, cada peso sobe 0.5): é outra reta válida para OR.',
          xorTitle: 'Por que um neurônio não aprende XOR?',
          xorIntro: 'Para XOR o neurônio teria de cumprir ao mesmo tempo estas quatro condições:',
          xorProof:
            'Somando a segunda e a terceira: w₁ + w₂ + 2b ≥ 0, ou seja w₁ + w₂ + b ≥ −b > 0 porque b < 0. Isso contradiz a quarta. Nenhuma reta separa (0,1) e (1,0) de (0,0) e (1,1): XOR não é linearmente separável.',
          xorDemo:
            'Clique em «Testar com XOR»: a regra corrige um erro e provoca outro, época após época, sem nunca convergir. É preciso uma camada oculta (o próximo laboratório).',
        },
      },
      xor: {
        initialWeights: 'Pesos iniciais',
        defaultWeights: 'Pesos padrão',
        smallInit: 'Multiplicar os pesos iniciais por 0.1',
        useBias: 'Com bias',
        mode: 'Atualização',
        modes: {
          batch: 'em lote (os 4 padrões por iteração)',
          online: 'por padrão (um por iteração)',
        },
        runN: 'Executar N iterações',
        runUntilConverged: 'Executar até convergir',
        iteration: 'Iteração {n}',
        loss: 'Perda média J = {value}',
        converged: 'Convergiu na iteração {n} (J < {threshold}).',
        notYet: 'Ainda não convergiu (J < {threshold}).',
        meanLoss: 'J média dos 4 padrões',
        regions: 'Regiões de decisão',
        regionsHint:
          'Fundo: saída z da rede (laranja = 1, azul = −1). Linhas tracejadas: onde cada neurônio oculto muda de sinal (a₁ = 0 em índigo, a₂ = 0 em violeta).',
        chartWeights: 'Pesos',
        chartLoss: 'Perda',
        chartHiddenDeltas: 'Sensibilidades da camada oculta (δ₁ contínua, δ₂ tracejada)',
        chartOutputDeltas: 'Sensibilidade do neurônio de saída',
        weightValue: 'valor',
        explain: {
          network:
            'A rede tem dois neurônios ocultos e um de saída, todos com tanh. Entradas e alvos valem −1 ou 1. O bias é o peso de uma entrada fixa igual a 1.',
          sensitivities:
            'A sensibilidade δ de um neurônio mede quanto o erro muda quando sua ativação muda. A de saída vem do erro; a de cada neurônio oculto, da de saída ponderada pelo peso que os liga e pela derivada da tanh.',
          modes:
            'Em lote, cada iteração soma as correções dos 4 padrões (em média) e atualiza uma vez. Por padrão, cada iteração apresenta um único padrão, na ordem da tabela.',
          smallInit:
            'Com os pesos multiplicados por 0.1, todas as ativações ficam perto de 0: a saída é quase 0 para todos os padrões, as sensibilidades ocultas são muito pequenas e a perda fica num platô perto de 0.5 antes de cair. A rede demora muito mais para convergir; por padrão, com esta ordem fixa, pode nunca convergir.',
          noBias:
            'Sem bias cada neurônio calcula uma função ímpar, tanh(w · x): trocar o sinal da entrada troca o da saída. Então z(1, 1) = −z(−1, −1) e z(1, −1) = −z(−1, 1), mas o XOR pede o mesmo alvo em cada par: o J médio não pode ficar abaixo de 0.5 e a rede nunca converge. Por isso a aula fixa uma entrada de bias igual a 1.',
          defaults: 'Os pesos padrão são nossos (o arquivo xor.py da aula não está neste material); você pode escrever os seus.',
        },
      },
      activations: {
        choose: 'Função de ativação',
        range: 'Intervalo de x',
        value: 'valor',
        columns: { name: 'Nome' },
        explain: {
          intro: 'O aprendizado usa a derivada f′ em cada sensibilidade, por isso ela importa tanto quanto f. A tabela da aula:',
          prelu:
            'Leaky ReLU usa uma inclinação α fixa para x < 0; na PReLU o mesmo α é um parâmetro que a rede aprende (aqui você o escolhe).',
          saturationTitle: 'Saturação',
          saturation:
            "A sigmoide e a tanh ficam planas para {'|'}x{'|'} grande: sua derivada tende a 0. Um neurônio saturado quase não propaga sensibilidade para trás e seus pesos quase não mudam (desaparecimento do gradiente), tanto mais quanto mais camadas houver.",
          dyingTitle: 'Neurônio morto (dying ReLU)',
          dying:
            'Com ReLU, se uma atualização deixa a ativação de um neurônio sempre negativa, sua saída é sempre 0 e sua derivada também: ele não volta a aprender. Leaky ReLU, PReLU e ELU mantêm uma inclinação para x < 0 e evitam isso.',
        },
      },
      conv: {
        loadSeed: 'Carregar a matriz 5×5 da aula',
        filter: 'Filtro',
        filters: {
          diagonalRising: 'Borda diagonal ascendente (filtro 1 da aula)',
          diagonalFalling: 'Borda diagonal descendente (filtro 2 da aula)',
          sobelX: 'Sobel Gx (bordas verticais)',
          sobelY: 'Sobel Gy (bordas horizontais)',
          gaussian5: 'Gaussiano 5×5 (suavização)',
          custom: 'Personalizado',
        },
        stride: 'Passo (stride)',
        padding: 'Preenchimento com zeros',
        outputIs: 'A saída mede {n} × {n}.',
        image: 'Imagem',
        filterTitle: 'Filtro',
        padded: 'Imagem com preenchimento (P = {p}) e janela atual',
        output: 'Saída',
        nextCell: 'Próxima célula',
        play: 'Animar',
        completeAll: 'Completar',
        progress: '{done} de {total} células',
        cell: 'Célula ({row}, {col})',
        relu: 'Após ReLU: max(0, x)',
        pool: 'Após max pooling 2×2',
        poolPartial: 'Incluir as janelas incompletas da borda (como na aula)',
        secondLayerTitle: 'Segunda camada: o detector de orelha de gato da aula',
        secondLayerHint:
          'Os filtros 1 e 2 da aula (preenchimento 1, ReLU e max pooling 2×2) dão dois canais; um filtro 3D com uma camada por canal os combina.',
        channel: 'Canal {n}',
        slice: 'Filtro 3D, camada {n}',
        secondLayerOutput: 'Saída da segunda camada',
        secondLayerExplain:
          'Cada célula de saída soma os produtos das duas camadas do filtro com os seus dois canais. Uma resposta positiva indica que as duas diagonais aparecem juntas, como na orelha. Com a matriz da aula o slide dá −43 −70 −39 / 7 −70 −60 / −41 −50 −30; aqui as duas primeiras linhas diferem em 6 porque o canal 2 vale 4 (não 10) na célula superior central.',
        pictureTitle: 'O mesmo filtro sobre uma imagem sua',
        pictureHint: 'A imagem é convertida para tons de cinza e reduzida a no máximo 240 pixels de lado; ela não sai desta página.',
        pictureRelu: 'Aplicar ReLU',
        pictureError: 'Não foi possível ler «{name}» como imagem. Tente um PNG ou JPEG.',
        pictureGray: 'Tons de cinza, {w} × {h}',
        pictureFiltered: 'Filtrada, {w} × {h} (níveis esticados do mínimo ao máximo)',
        errors: {
          conv: {
            outputSizeNotInteger:
              '(N + 2P − F) / S + 1 = ({n} + 2·{p} − {f}) / {s} + 1 = {size} não é inteiro: a janela não cabe um número inteiro de vezes. Mude o passo ou o preenchimento.',
            outputSizeNotPositive:
              '(N + 2P − F) / S + 1 = {size} é menor que 1: o filtro é maior que a imagem com preenchimento. Use um filtro menor ou mais preenchimento.',
            badStride: 'O passo deve ser um inteiro maior ou igual a 1 (agora vale {stride}).',
            badPadding: 'O preenchimento deve ser um inteiro maior ou igual a 0 (agora vale {padding}).',
            badMatrix: 'A matriz deve ter pelo menos uma linha e todas as linhas o mesmo número de colunas.',
            channelMismatch: 'O filtro precisa de uma camada para cada canal de entrada.',
          },
        },
        explain: {
          crossCorrelation:
            'A janela do tamanho do filtro percorre a imagem; em cada posição os valores da janela são multiplicados célula a célula pelos do filtro e somados. As redes convolucionais não invertem o filtro (é uma correlação cruzada).',
          size: 'Com uma imagem N × N, um filtro F × F, passo S e preenchimento P, a saída mede (N + 2P − F) / S + 1 por lado, que deve ser um inteiro positivo. Por exemplo N = 7, F = 3, S = 3 dá 2.33: não é possível.',
          relu: 'A ReLU mantém só as respostas positivas: onde o padrão procurado não aparece, a saída é 0.',
          pool: 'O max pooling 2×2 fica com o máximo de cada bloco: reduz o tamanho à metade e torna a resposta menos dependente da posição exata.',
          filters:
            'Os filtros diagonais da aula respondem a bordas inclinadas; Sobel Gx e Gy estimam a derivada horizontal e vertical; o gaussiano faz a média e suaviza.',
          seedNote:
            'Com a matriz da aula, preenchimento 1 e o filtro 1, a saída é exatamente a do slide. Com o filtro 2, o slide mostra 10 na célula superior central do canal após o pooling, mas as somas dão 4 (as células desse bloco são −13, −4, 4 e −29).',
        },
      },
      playground: {
        dataset: 'Conjunto',
        datasets: { circles: 'Círculos', xorQuadrants: 'XOR (quadrantes)', spirals: 'Espirais', blobs: 'Gaussianas' },
        samples: 'Pontos',
        noise: 'Ruído',
        testRatio: 'Teste',
        dataSeed: 'Semente dos dados',
        dropout: 'Dropout',
        batchSize: 'Lote',
        initSeed: 'Semente dos pesos',
        layers: 'Camadas ocultas',
        layersHint: 'Adicione camadas e escolha os neurônios e a ativação de cada uma.',
        neurons: 'Neurônios',
        activation: 'Ativação',
        addLayer: 'Adicionar camada',
        removeLayer: 'Remover',
        outputLayer: 'Saída: um neurônio sigmoide (probabilidade da classe laranja) com entropia cruzada.',
        train: 'Treinar',
        oneEpoch: 'Uma época',
        save: 'Salvar configuração',
        load: 'Carregar configuração',
        showTest: 'Mostrar pontos de teste',
        loadError: 'Não foi possível carregar «{name}»: {reason}',
        invalidSetting: 'Revise estes campos: {field}.',
        boundary: 'Fronteira de decisão',
        legend: 'Fundo: probabilidade dada pela rede (laranja = classe 1). Pontos cheios: treino; vazados: teste.',
        epoch: 'Época',
        trainLoss: 'Perda de treino',
        testLoss: 'Perda de teste',
        accuracy: 'acurácia',
        lossAxis: 'entropia cruzada',
        explain: {
          intro: 'A rede é treinada por gradiente descendente com minilotes, minimizando a entropia cruzada mais a penalização L2:',
          l2: 'A L2 empurra os pesos para 0 a cada passo; fronteiras mais suaves e menos sobreajuste.',
          dropout:
            'O dropout desliga ao acaso cada neurônio oculto com essa probabilidade em cada padrão de treino (e escala os demais), para que a rede não dependa de neurônios específicos.',
          overfitting: 'Se a perda de treino continua caindo enquanto a de teste sobe, a rede está sobreajustando.',
          reproduce:
            'A configuração salva inclui as sementes: ao carregá-la obtêm-se os mesmos dados, os mesmos pesos iniciais e a mesma curva.',
        },
      },
    },
  },
  en: {
    labs: {
      title: 'Labs',
      intro:
        "The course's exercises, step by step. Everything is computed instantly in this page, with the same equations as the lectures.",
      tabs: {
        perceptron: 'Perceptron and logic gates',
        xor: 'XOR with backpropagation',
        activations: 'Activation functions',
        convolution: 'Convolution explorer',
        playground: 'Playground',
      },
      summaries: {
        perceptron: 'A neuron with a step activation learns OR, AND or NAND with the perceptron rule; XOR cannot be learned.',
        xor: 'The 2-2-1 tanh network of exercise 1: weights, sensitivities and loss at every iteration.',
        activations: 'Each activation function next to its derivative, which is what learning uses.',
        convolution:
          'A convolution computed cell by cell, with ReLU and max pooling, and chains of convolutions made by hand, on a matrix or a picture of your own.',
        playground: 'A dense network with several layers learns a 2D set while its decision boundary is drawn.',
      },
      common: {
        explanation: 'Explanation',
        learningRate: 'Learning rate',
        maxIterations: 'Max. iterations',
        step: 'Step',
        runToEnd: 'Run to the end',
        reset: 'Reset',
        pause: 'Pause',
        iteration: 'Iteration',
        invalidNumber:
          'A number field is empty or invalid (the learning rate must be greater than 0); the last valid values are still in use.',
      },
      perceptron: {
        gate: 'Gate',
        gates: { or: 'OR', and: 'AND', nand: 'NAND', xor: 'XOR' },
        order: 'Presentation',
        orders: {
          repeatUntilCorrect: 'repeat each pattern until it is right (as in class)',
          cycle: 'go through the patterns in order (epochs)',
        },
        loadSeed: 'Load the OR exercise from class',
        tryXor: 'Try XOR',
        planeLabel: 'Input plane with the separating line',
        planeHint:
          'Orange: output 1; blue: output 0. The solid line is the current one; dashed lines are earlier ones. The circle marks the next pattern.',
        currentLine: 'Current line',
        converged: 'Converged: every pattern is classified correctly ({n} iterations).',
        notConverged: 'Did not converge after {n} iterations (misclassified patterns in the last epoch: {errors}).',
        running: '{n} iterations done.',
        emptyTable: 'Press “Step” to present the first pattern.',
        columns: {
          iteration: 'It',
          output: 'Neuron output',
          target: 'Target',
          newWeights: 'New w',
          newBias: 'New b',
        },
        explain: {
          neuron:
            'The neuron adds its weighted inputs and the bias and applies the step function: it answers 1 when the sum is greater than or equal to zero.',
          rule: 'Perceptron rule: when the output a differs from the target t, each weight moves in the direction of its input p, and the bias like a weight whose input is 1. When it is right nothing changes (“–” in the table).',
          line: 'The points with w₁x₁ + w₂x₂ + b = 0 form a line that separates the inputs with output 1 from those with output 0. Every correction shifts or turns that line.',
          seedTable:
            'Starting from w = (0.5, 0.5) and b = 1 as in class, the rule with η = 1 takes 18 iterations and ends at w = (1.5, 1.5), b = −1. The table in class takes 7 because it corrects by hand (b goes from 1 to −1, each weight rises by 0.5): another valid line for OR.',
          xorTitle: 'Why can one neuron not learn XOR?',
          xorIntro: 'For XOR the neuron would have to satisfy these four conditions at once:',
          xorProof:
            'Adding the second and third: w₁ + w₂ + 2b ≥ 0, so w₁ + w₂ + b ≥ −b > 0 because b < 0. That contradicts the fourth. No line separates (0,1) and (1,0) from (0,0) and (1,1): XOR is not linearly separable.',
          xorDemo:
            'Press “Try XOR”: the rule fixes one error and causes another, epoch after epoch, and never converges. A hidden layer is needed (the next lab).',
        },
      },
      xor: {
        initialWeights: 'Initial weights',
        defaultWeights: 'Default weights',
        smallInit: 'Multiply the initial weights by 0.1',
        useBias: 'With bias',
        mode: 'Update',
        modes: {
          batch: 'batch (the 4 patterns per iteration)',
          online: 'online (one pattern per iteration)',
        },
        runN: 'Run N iterations',
        runUntilConverged: 'Run until it converges',
        iteration: 'Iteration {n}',
        loss: 'Mean loss J = {value}',
        converged: 'Converged at iteration {n} (J < {threshold}).',
        notYet: 'Not converged yet (J < {threshold}).',
        meanLoss: 'Mean J of the 4 patterns',
        regions: 'Decision regions',
        regionsHint:
          'Background: the network output z (orange = 1, blue = −1). Dashed lines: where each hidden neuron changes sign (a₁ = 0 in indigo, a₂ = 0 in violet).',
        chartWeights: 'Weights',
        chartLoss: 'Loss',
        chartHiddenDeltas: 'Hidden-layer sensitivities (δ₁ solid, δ₂ dashed)',
        chartOutputDeltas: 'Output neuron sensitivity',
        weightValue: 'value',
        explain: {
          network:
            'The network has two hidden neurons and one output neuron, all with tanh. Inputs and targets are −1 or 1. The bias is the weight of a fixed input equal to 1.',
          sensitivities:
            "A neuron's sensitivity δ measures how much the error changes when its activation changes. The output one comes from the error; each hidden one from the output one, weighted by the weight that joins them and by the derivative of tanh.",
          modes:
            'In batch mode each iteration adds up the corrections of the 4 patterns (averaged) and updates once. Online, each iteration presents a single pattern, in the order of the table.',
          smallInit:
            'With the weights multiplied by 0.1 every activation is close to 0: the output is almost 0 for every pattern, the hidden sensitivities are tiny and the loss sits on a plateau near 0.5 before it falls. The network takes much longer to converge; online, with this fixed order, it may never converge.',
          noBias:
            'Without bias every neuron computes an odd function, tanh(w · x): flipping the sign of the input flips the output. So z(1, 1) = −z(−1, −1) and z(1, −1) = −z(−1, 1), but XOR asks for the same target within each pair: the mean J cannot go below 0.5 and the network never converges. That is why the lecture fixes a bias input equal to 1.',
          defaults: "The default weights are ours (the class's xor.py is not part of this material); you can type your own.",
        },
      },
      activations: {
        choose: 'Activation function',
        range: 'Range of x',
        value: 'value',
        columns: { name: 'Name' },
        explain: {
          intro: 'Learning uses the derivative f′ in every sensitivity, so it matters as much as f. The table from class:',
          prelu: 'Leaky ReLU uses a fixed slope α for x < 0; in PReLU the same α is a parameter the network learns (here you choose it).',
          saturationTitle: 'Saturation',
          saturation:
            "Sigmoid and tanh flatten out for large {'|'}x{'|'}: their derivative tends to 0. A saturated neuron passes almost no sensitivity backwards and its weights barely change (vanishing gradient), the more so the more layers there are.",
          dyingTitle: 'Dying ReLU',
          dying:
            "With ReLU, if an update leaves a neuron's activation always negative, its output is always 0 and so is its derivative: it never learns again. Leaky ReLU, PReLU and ELU keep a slope for x < 0 and avoid it.",
        },
      },
      conv: {
        loadSeed: 'Load the 5×5 matrix from class',
        filter: 'Filter',
        filters: {
          diagonalRising: 'Rising diagonal edge (filter 1 from class)',
          diagonalFalling: 'Falling diagonal edge (filter 2 from class)',
          sobelX: 'Sobel Gx (vertical edges)',
          sobelY: 'Sobel Gy (horizontal edges)',
          gaussian5: 'Gaussian 5×5 (blur)',
          custom: 'Custom',
        },
        stride: 'Stride',
        padding: 'Zero padding',
        outputIs: 'The output is {n} × {n}.',
        image: 'Image',
        filterTitle: 'Filter',
        padded: 'Padded image (P = {p}) and current window',
        output: 'Output',
        nextCell: 'Next cell',
        play: 'Animate',
        completeAll: 'Complete',
        progress: '{done} of {total} cells',
        cell: 'Cell ({row}, {col})',
        relu: 'After ReLU: max(0, x)',
        pool: 'After 2×2 max pooling',
        poolPartial: 'Include the incomplete windows at the edge (as in class)',
        secondLayerTitle: "Second layer: the class's cat-ear detector",
        secondLayerHint:
          'Filters 1 and 2 from class (padding 1, ReLU and 2×2 max pooling) give two channels; a 3D filter with one slice per channel combines them.',
        channel: 'Channel {n}',
        slice: '3D filter, slice {n}',
        secondLayerOutput: 'Second-layer output',
        secondLayerExplain:
          "Each output cell adds the products of the filter's two slices with their two channels. A positive response means both diagonals appear together, as in the ear. With the matrix from class the slide gives −43 −70 −39 / 7 −70 −60 / −41 −50 −30; here the first two rows differ by 6 because channel 2 is 4 (not 10) in its top-middle cell.",
        pictureTitle: 'The same filter on a picture of yours',
        pictureHint: 'The picture is converted to grayscale and reduced to at most 240 pixels per side; it never leaves this page.',
        pictureRelu: 'Apply ReLU',
        pictureError: 'Could not read “{name}” as an image. Try a PNG or JPEG.',
        pictureGray: 'Grayscale, {w} × {h}',
        pictureFiltered: 'Filtered, {w} × {h} (levels stretched from minimum to maximum)',
        errors: {
          conv: {
            outputSizeNotInteger:
              '(N + 2P − F) / S + 1 = ({n} + 2·{p} − {f}) / {s} + 1 = {size} is not an integer: the window does not fit a whole number of times. Change the stride or the padding.',
            outputSizeNotPositive:
              '(N + 2P − F) / S + 1 = {size} is less than 1: the filter is larger than the padded image. Use a smaller filter or more padding.',
            badStride: 'The stride must be a whole number of at least 1 (it is {stride}).',
            badPadding: 'The padding must be a whole number of at least 0 (it is {padding}).',
            badMatrix: 'The matrix needs at least one row, and every row the same number of columns.',
            channelMismatch: 'The filter needs one slice per input channel.',
          },
        },
        explain: {
          crossCorrelation:
            'A window the size of the filter slides over the image; at each position the window values are multiplied cell by cell by the filter values and added up. Convolutional networks do not flip the filter (it is a cross-correlation).',
          size: 'With an N × N image, an F × F filter, stride S and padding P, the output is (N + 2P − F) / S + 1 per side, which must be a positive integer. For example N = 7, F = 3, S = 3 gives 2.33: impossible.',
          relu: 'ReLU keeps only the positive responses: where the pattern is absent the output is 0.',
          pool: '2×2 max pooling keeps the maximum of each block: it halves the size and makes the response less dependent on the exact position.',
          filters:
            'The diagonal filters from class respond to slanted edges; Sobel Gx and Gy estimate the horizontal and vertical derivative; the Gaussian averages and blurs.',
          seedNote:
            'With the matrix from class, padding 1 and filter 1, the output is exactly the one on the slide. With filter 2 the slide shows 10 in the top-middle cell of the channel after pooling, but the sums give 4 (the cells of that block are −13, −4, 4 and −29).',
        },
      },
      playground: {
        dataset: 'Data set',
        datasets: { circles: 'Circles', xorQuadrants: 'XOR (quadrants)', spirals: 'Spirals', blobs: 'Gaussians' },
        samples: 'Points',
        noise: 'Noise',
        testRatio: 'Test',
        dataSeed: 'Data seed',
        dropout: 'Dropout',
        batchSize: 'Batch',
        initSeed: 'Weight seed',
        layers: 'Hidden layers',
        layersHint: 'Add layers and choose the neurons and activation of each.',
        neurons: 'Neurons',
        activation: 'Activation',
        addLayer: 'Add layer',
        removeLayer: 'Remove',
        outputLayer: 'Output: one sigmoid neuron (probability of the orange class) with cross-entropy.',
        train: 'Train',
        oneEpoch: 'One epoch',
        save: 'Save settings',
        load: 'Load settings',
        showTest: 'Show test points',
        loadError: 'Could not load “{name}”: {reason}',
        invalidSetting: 'Check these fields: {field}.',
        boundary: 'Decision boundary',
        legend: 'Background: probability given by the network (orange = class 1). Filled points: training; hollow: test.',
        epoch: 'Epoch',
        trainLoss: 'Training loss',
        testLoss: 'Test loss',
        accuracy: 'accuracy',
        lossAxis: 'cross-entropy',
        explain: {
          intro: 'The network is trained by mini-batch gradient descent, minimizing cross-entropy plus the L2 penalty:',
          l2: 'L2 pushes the weights towards 0 at every step; smoother boundaries and less overfitting.',
          dropout:
            'Dropout randomly switches off each hidden neuron with that probability for every training pattern (and scales the others), so the network does not rely on particular neurons.',
          overfitting: 'If the training loss keeps falling while the test loss rises, the network is overfitting.',
          reproduce: 'The saved settings include the seeds: loading them gives the same data, the same initial weights and the same curve.',
        },
      },
    },
  },
};
