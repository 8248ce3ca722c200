/** Browsing the images of a dataset by class and file name: Datos' gallery, Características and "Probar una imagen". */
export const browse = {
  es: {
    browse: {
      class: 'Clase',
      allClasses: 'Todas las clases',
      search: 'Buscar archivo',
      searchPlaceholder: 'parte del nombre, p. ej. 012',
      matches: 'Ninguna imagen | {count} imagen | {count} imágenes',
      noMatch: 'Ninguna imagen de la selección tiene «{search}» en su nombre.',
      clear: 'Quitar la búsqueda',
    },
  },
  pt: {
    browse: {
      class: 'Classe',
      allClasses: 'Todas as classes',
      search: 'Buscar arquivo',
      searchPlaceholder: 'parte do nome, p. ex. 012',
      matches: 'Nenhuma imagem | {count} imagem | {count} imagens',
      noMatch: 'Nenhuma imagem da seleção tem «{search}» no nome.',
      clear: 'Limpar a busca',
    },
  },
  en: {
    browse: {
      class: 'Class',
      allClasses: 'All classes',
      search: 'Find a file',
      searchPlaceholder: 'part of its name, e.g. 012',
      matches: 'No images | {count} image | {count} images',
      noMatch: 'No image of the selection has “{search}” in its name.',
      clear: 'Clear the search',
    },
  },
};
